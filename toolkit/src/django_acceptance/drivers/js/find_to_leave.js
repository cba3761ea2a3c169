// A link by its text or a button by its words, marked as the page to leave: one round trip before the click.
const [kind, wanted] = arguments;
const found = kind === 'link'
  ? [...document.querySelectorAll('a[href]')].find((a) => clean(a.innerText) === wanted)
  : buttons().find((b) => buttonWords(b) === wanted);
if (!found) return {path: here()};
window.acceptanceLeaving = true;
return {element: found};
