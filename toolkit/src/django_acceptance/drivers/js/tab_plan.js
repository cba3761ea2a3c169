// The tab stops after the focused element (or from the top), each with the name its label
// or text gives it, and how many Tabs reach the first stop named arguments[0]; for a group
// of radio buttons (arguments[1]), the stop is the group and then as many arrow presses
// as reach the one named. false while an autofocus is still to come (see settled_focus.js).
const [wanted, radio] = arguments;
const auto = document.querySelector('[autofocus]');
let focused = document.activeElement;
if (!focused || focused === document.body || focused === document.documentElement) focused = null;
if (!focused && auto && !auto.disabled && auto.getClientRects().length) return false;
const reachable = (e) => e.getClientRects().length && getComputedStyle(e).visibility === 'visible' && !e.closest('[inert]');
const named = (e) => {
  const by = e.getAttribute('aria-labelledby');
  if (by) return labelWords(by.split(/\s+/).map((id) => (document.getElementById(id) || {}).textContent || '').join(' '));
  if (e.getAttribute('aria-label')) return labelWords(e.getAttribute('aria-label'));
  if (e.labels && e.labels.length) return labelWords([...e.labels].map((l) => l.textContent).join(' '));
  if (e.tagName === 'INPUT' && ['submit', 'button', 'reset'].includes(e.type)) return labelWords(e.value);
  return labelWords(e.innerText || e.getAttribute('title') || '');
};
const candidates = [...document.querySelectorAll(
  'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex], [contenteditable=true]')]
  .filter((e) => e.tabIndex >= 0 && !e.disabled && reachable(e));
const ordered = [...candidates.filter((e) => e.tabIndex > 0).sort((a, b) => a.tabIndex - b.tabIndex),
                 ...candidates.filter((e) => e.tabIndex === 0)];
const group = (e) => e.type === 'radio' && e.name
  ? [...document.querySelectorAll('input[type=radio]')]
      .filter((r) => r.name === e.name && r.form === e.form && !r.disabled)
  : [e];
const stops = [];
for (const e of ordered) {
  const members = group(e);
  if (members.length > 1) {
    const stop = members.find((r) => r.checked) || members[0];
    if (stop === e || (members.includes(focused) && e === focused)) stops.push(e);
  } else stops.push(e);
}
let start = focused ? stops.findIndex((e) => e === focused || group(e).includes(focused)) : -1;
if (focused && start < 0) {
  // Focused but not a tab stop (a skip link's target): the next Tab goes to the next stop in the document.
  if (ordered.some((e) => e.tabIndex > 0)) return {plan: null};
  start = stops.filter((e) => e.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING).length - 1;
}
if (!radio && focused && named(focused) === wanted) return {plan: {tabs: 0, arrows: 0, target: focused}};
for (let i = start + 1; i < stops.length; i++) {
  const e = stops[i];
  if (!radio && named(e) === wanted) return {plan: {tabs: i - start, arrows: 0, target: e}};
  if (radio && e.type === 'radio') {
    const members = group(e), from = members.indexOf(e), to = members.findIndex((r) => named(r) === wanted);
    if (to < 0) return {plan: null};
    return {plan: {tabs: i - start, arrows: (to - from + members.length) % members.length, target: members[to]}};
  }
}
return {plan: null};
