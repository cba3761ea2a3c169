// The kind of the field a label names (arguments[0]): "password" for one that hides what is typed.
const label = [...document.querySelectorAll('label')].find((l) => labelWords(l.textContent) === arguments[0]);
const field = label && label.htmlFor ? document.getElementById(label.htmlFor) : null;
if (!field) return {missing: arguments[0], path: here()};
return {type: field.tagName === 'INPUT' ? field.type : field.tagName.toLowerCase()};
