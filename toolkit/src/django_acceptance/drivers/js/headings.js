// The text of every shown heading of one level (arguments[0]: 1 for h1...) within the scopes arguments[1].
const within = scoped(arguments[1]);
if (within.error) return within;
return {value: [...within.root.querySelectorAll('h' + arguments[0])].filter(shown).map((h) => h.innerText)};
