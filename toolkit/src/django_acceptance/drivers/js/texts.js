// The visible text of every shown element that matches a CSS selector (arguments[0]) within the scopes arguments[1].
const within = scoped(arguments[1]);
if (within.error) return within;
return {value: [...within.root.querySelectorAll(arguments[0])].filter(shown).map((e) => e.innerText)};
