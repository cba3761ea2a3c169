// The visible text of every shown element that matches a CSS selector (arguments[0]) within the scopes arguments[1],
// and, where arguments[2] asks for it, what page.js reads: a Then that reads a list after checking where the person
// is makes one round trip.
const within = scoped(arguments[1]);
if (within.error) return within;
const value = [...within.root.querySelectorAll(arguments[0])].filter(shown).map((e) => e.innerText);
return arguments[2] ? {value: value, page: pageRead(within.root)} : {value: value};
