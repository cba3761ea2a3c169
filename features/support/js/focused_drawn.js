// What the keyboard's focus is on, as drawn: its name, where it is, and whether a ring shows it.
// Null when the focus has left the page's elements (past the last one).
const e = document.activeElement;
if (!e || e === document.body || e === document.documentElement) return null;
const style = getComputedStyle(e);
const box = e.getBoundingClientRect();
const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
const shadowed = style.boxShadow && style.boxShadow !== 'none';
const label = e.labels && e.labels.length ? e.labels[0].innerText : '';
return {
  name: (label || e.innerText || e.value || e.getAttribute('aria-label') || e.name || e.tagName).trim(),
  top: box.top + window.scrollY,
  left: box.left + window.scrollX,
  height: box.height,
  ring: outlined || shadowed,
};
