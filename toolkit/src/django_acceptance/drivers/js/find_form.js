// Every field of a form to act on, and the link or button to click after them, in one round trip.
// arguments[0]: [[scopes, kind, locator, value]] with kind fillable, radio, check, uncheck, select
// or file; arguments[1]: [scopes, 'link' or 'button', words], or null. A text field is emptied
// first, as Selenium's clear() does, so typing replaces it; an option is chosen here, as a
// person's pick in the browser's own list would (with input and change events). Nothing is
// changed until every element has been found.
const [entries, target] = arguments;
const KIND = {fillable: 'fillable', radio: 'radio', check: 'checkbox', uncheck: 'checkbox', select: 'select', file: 'file'};
const found = [];
for (const [scopes, kind, locator, value] of entries) {
  const one = findOne(KIND[kind], locator, scopes);
  if (one.error) return one;
  const e = one.element;
  if (e.disabled || e.closest('fieldset:disabled')) return {disabled: locator, path: here()};
  if (kind === 'fillable' && e.readOnly) return {readonly: locator, path: here()};
  let option = null;
  if (kind === 'select') {
    option = findOption(e, value);
    if (option.error) return option;
    option = option.element;
  }
  found.push({e: e, kind: kind, option: option});
}
let clicked = null;
if (target) {
  const [scopes, kind, words] = target;
  const one = findOne(kind, words, scopes);
  if (one.error) return one;
  clicked = one.element;
  if (clicked.disabled) return {disabled: words, path: here()};
}
const answer = [];
for (const {e, kind, option} of found) {
  let click = false;
  if (kind === 'fillable' && e.value) {
    e.value = '';
    e.dispatchEvent(new Event('input', {bubbles: true}));
    e.dispatchEvent(new Event('change', {bubbles: true}));
  }
  if (kind === 'select') {
    if (!option.selected) {
      option.selected = true;
      e.dispatchEvent(new Event('input', {bubbles: true}));
      e.dispatchEvent(new Event('change', {bubbles: true}));
    }
  } else if (kind === 'fillable' || kind === 'file') click = kind === 'fillable';
  else click = kind === 'uncheck' ? e.checked : !e.checked;
  answer.push({element: e, click: click});
}
let navigates = false;
if (clicked) {
  navigates = leaves(clicked);
  armLeaving(navigates);
}
// Everything to click in the window, as a person scrolls to it: WebKit's wheel actions do not
// scroll an element into view, and a click outside the window is refused (MoveTargetOutOfBounds).
// The form's top at the top of the window.
// Where not all of it fits, `fits` is false: the driver then scrolls to each before its click.
const clicks = [...answer.filter((a) => a.click).map((a) => a.element), ...(clicked ? [clicked] : [])];
let fits = true;
if (clicks.length) {
  const first = clicks[0].closest('form') || clicks[0];
  first.scrollIntoView({block: 'start'});
  fits = Math.max(...clicks.map((e) => e.getBoundingClientRect().bottom)) <= window.innerHeight;
}
return {fields: answer, target: clicked, navigates: navigates, fits: fits};
