// What the steps read of a page, in one round trip; kept until the next action. arguments[0]:
// the within() scopes, whose one element the text, links, buttons and fields are read from.
const within = scoped(arguments[0]);
if (within.error) return within;
const root = within.root, h1 = [...document.querySelectorAll('h1')].find(shown);
const named = (kind) => [...root.querySelectorAll(KINDS[kind])].filter((e) => shown(e)).map((e) => names(e, kind));
return {
  path: here(),
  text: root === document ? (document.body ? document.body.innerText : '') : root.innerText,
  heading: h1 ? h1.innerText : '',
  links: named('link'),
  buttons: named('button'),
  fields: named('field'),
};
