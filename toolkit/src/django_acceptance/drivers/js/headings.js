// The text of every heading of one level (arguments[0]: 1 for h1...).
return [...document.querySelectorAll('h' + arguments[0])].map((h) => h.innerText);
