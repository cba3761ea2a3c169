// The visible text of every element that matches a CSS selector (arguments[0]), in the page's order.
return [...document.querySelectorAll(arguments[0])].map((e) => e.innerText);
