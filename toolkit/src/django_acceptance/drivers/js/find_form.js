// Every field of a form to fill in, by its label, and the button that sends it, in one round trip.
// A field that holds text is emptied first, as Selenium's clear() does, so typing replaces it.
const [fields, button] = arguments;
const labels = [...document.querySelectorAll('label')];
const labelled = (wanted) => labels.find((l) => labelWords(l.textContent) === wanted);
const found = [];
for (const [label, radio] of fields) {
  const tag = labelled(label);
  if (!tag) return {missing: label, labels: labels.map((l) => labelWords(l.textContent)), path: here()};
  const field = tag.htmlFor ? document.getElementById(tag.htmlFor) : null;
  if (!field) return {untied: label, path: here()};
  if (radio && field.type !== 'radio') return {notRadio: label, path: here()};
  if (!radio && field.value) {
    field.value = '';
    field.dispatchEvent(new Event('input', {bubbles: true}));
    field.dispatchEvent(new Event('change', {bubbles: true}));
  }
  found.push(field);
}
let pressed = null;
if (button !== null) {
  pressed = buttons().find((b) => buttonWords(b) === button);
  if (!pressed) return {noButton: button, path: here()};
  window.acceptanceLeaving = true;
}
// The form's top at the top of the window, as a person scrolls to it: WebKit's wheel actions do not
// scroll an element into view, and a click outside the window is refused (MoveTargetOutOfBounds).
const first = found[0] || pressed;
if (first) (first.closest('form') || first).scrollIntoView({block: 'start'});
return {fields: found, button: pressed};
