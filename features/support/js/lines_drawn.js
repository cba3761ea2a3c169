// The lines each element matching arguments[0] shows on screen (innerText follows the layout's line breaks).
return Array.from(document.querySelectorAll(arguments[0]), (e) => e.innerText.split('\n'));
