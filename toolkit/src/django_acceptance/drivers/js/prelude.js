// Shared by every script of this folder: what a person reads, the way they read it, and the
// finders (the same rules as finding.py's for the test client).
// Text with its whitespace collapsed, as it shows on the page.
const clean = (t) => (t || '').replace(/\s+/g, ' ').trim();
// A label's words, without the colon that ends it: "Email:" reads as "Email".
const labelWords = (t) => clean(t).replace(/:$/, '').trim();
// Buttons as a person finds them, and the words on each.
const BUTTONS = 'button, input[type=submit], input[type=button], input[type=image], input[type=reset]';
const buttonWords = (b) => clean(b.tagName === 'BUTTON' ? b.textContent : b.type === 'image' ? b.alt : b.value);
// Where the person is: the address without its host.
const here = () => location.pathname + location.search;
// Shown: rendered (not display:none, not in a closed dialog or details, not visibility:hidden),
// and not hidden from assistive technology (aria-hidden), as the test client judges it too.
function shown(e) {
  if (e.closest('[aria-hidden=true], template')) return false;
  if (e.tagName === 'OPTION') return !!e.closest('select') && shown(e.closest('select'));
  return e.checkVisibility ? e.checkVisibility({visibilityProperty: true}) : e.getClientRects().length > 0;
}
const byId = (ids) => (ids || '').split(/\s+/).filter(Boolean)
  .map((id) => (document.getElementById(id) || {}).textContent || '').join(' ');
// A label's own words, without the text of the control it wraps (a select's options); an image
// in it counts by its alt text, as it does in the field's accessible name (a search box's lens).
function labelOwn(l) {
  const copy = l.cloneNode(true);
  copy.querySelectorAll('select, textarea, datalist').forEach((c) => c.remove());
  copy.querySelectorAll('img[alt]').forEach((i) => i.replaceWith(' ' + i.alt + ' '));
  return labelWords(copy.textContent);
}
// What a person may call each kind of element: [names matched whole, names matched in part].
const NOT_FILLABLE = ['hidden', 'submit', 'button', 'image', 'reset', 'checkbox', 'radio', 'file'];
const KINDS = {
  field: 'input:not([type=hidden]), textarea, select',
  fillable: 'input, textarea',
  radio: 'input[type=radio]',
  checkbox: 'input[type=checkbox]',
  select: 'select',
  file: 'input[type=file]',
  button: BUTTONS,
  link: 'a[href]',
};
function names(e, kind) {
  const aria = [e.getAttribute('aria-label'), byId(e.getAttribute('aria-labelledby'))].map(labelWords);
  if (kind === 'link') { const words = [clean(e.innerText), ...aria, clean(e.title)]; return [[...words, e.id], words]; }
  if (kind === 'button') { const words = [buttonWords(e), ...aria, clean(e.title)]; return [[...words, e.id, e.name], words]; }
  const words = [...[...(e.labels || [])].map(labelOwn), ...aria, labelWords(e.getAttribute('placeholder'))];
  return [[...words, e.id, e.getAttribute('name')], words];
}
function ofKind(e, kind) {
  return kind !== 'fillable' || (e.tagName === 'TEXTAREA' || !NOT_FILLABLE.includes(e.type));
}
// A region's name: its aria-label or aria-labelledby, a fieldset's legend, or its first heading.
const REGIONS = 'main, nav, aside, header, footer, section, article, form, dialog, fieldset, [role]';
function regionName(r) {
  const own = labelWords(r.getAttribute('aria-label') || byId(r.getAttribute('aria-labelledby')));
  if (own) return own;
  const legend = r.tagName === 'FIELDSET' && r.querySelector('legend');
  if (legend) return labelWords(legend.textContent);
  const heading = r.querySelector('h1, h2, h3, h4, h5, h6, [role=heading]');
  return heading ? labelWords(heading.textContent) : '';
}
// Where an element is, for a message: the nearest part of the page within() can name.
function whereIs(e) {
  for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
    if (a.id) return '#' + a.id;
    if (a.matches(REGIONS) && regionName(a)) return regionName(a);
  }
  return '';
}
function describe(e, kind) {
  const [whole] = names(e, kind);
  const word = whole.find(Boolean) || e.tagName.toLowerCase();
  const tag = e.tagName.toLowerCase() + (e.type && e.tagName === 'INPUT' ? '[type=' + e.type + ']' : '');
  return {words: word, tag: tag, name: e.getAttribute('name') || '', where: whereIs(e)};
}
// The element `scopes` (within() blocks, outermost first) narrow the page to, or {error}.
function scoped(scopes) {
  let root = document;
  for (const scope of scopes || []) {
    const named = [...root.querySelectorAll(REGIONS)].filter((r) => shown(r) && regionName(r) === scope);
    let found = named.filter((r) => !named.some((o) => o !== r && r.contains(o)));
    if (!found.length) {
      try { found = [...root.querySelectorAll(scope)].filter(shown); } catch (error) { found = []; }
    }
    if (found.length !== 1) {
      const regions = [...root.querySelectorAll(REGIONS)].filter(shown).map(regionName).filter(Boolean);
      return {error: {kind: 'region', locator: scope, path: here(), shown: [...new Set(regions)],
                      candidates: found.map((r) => describe(r, 'region')), scripts: false}};
    }
    root = found[0];
  }
  return {root: root};
}
// The one shown element of `kind` that `locator` names within `scopes`: whole words first, in
// part only where nothing matches whole; {error} when there is none, or more than one.
function findOne(kind, locator, scopes) {
  const within = scoped(scopes);
  if (within.error) return within;
  const all = [...within.root.querySelectorAll(KINDS[kind])].filter((e) => ofKind(e, kind) && shown(e));
  let found = all.filter((e) => names(e, kind)[0].includes(locator));
  if (!found.length) found = all.filter((e) => names(e, kind)[1].some((n) => n && n.includes(locator)));
  if (found.length === 1) return {element: found[0]};
  return {error: {kind: kind, locator: locator, path: here(), scripts: false,
                  shown: [...new Set(all.map((e) => describe(e, kind).words))],
                  candidates: found.map((e) => describe(e, kind))}};
}
// The option with these words in a select: whole first, then in part.
function findOption(select, option) {
  const all = [...select.options];
  let found = all.filter((o) => clean(o.text) === option);
  if (!found.length) found = all.filter((o) => clean(o.text).includes(option));
  if (found.length === 1) return {element: found[0]};
  return {error: {kind: 'option', locator: option, path: here(), scripts: false, shown: all.map((o) => clean(o.text)),
                  candidates: found.map((o) => ({words: clean(o.text), tag: 'option', name: o.value, where: ''}))}};
}
// Before a click: mark the page as the one to leave where the click will leave it (a link to
// another page, a button that sends its form), so the next read waits for the new page. The
// site's own handlers may cancel that (a form sent by script, a dialog opened instead), and
// a click expected to stay may navigate after all (a script's location change): listeners
// on the window, which see the click after the site's own, correct the mark either way.
function armLeaving(navigates) {
  window.acceptanceLeaving = navigates;
  if (window.acceptanceArmed) return;
  window.acceptanceArmed = true;
  const cancelled = (event) => { if (event.defaultPrevented) window.acceptanceLeaving = false; };
  window.addEventListener('click', cancelled);
  window.addEventListener('submit', cancelled);
  window.addEventListener('beforeunload', () => { window.acceptanceLeaving = true; });
}
// Whether clicking this link or button would take the window to another document.
function leaves(e) {
  if (e.tagName === 'A') {
    const href = e.getAttribute('href') || '';
    if (/^\s*javascript:/i.test(href) || e.hasAttribute('download')) return false;
    if (e.target && !['_self', '_top', '_parent'].includes(e.target)) return false;
    // A link to a part of this page (#, #top) moves within it.
    const to = new URL(e.href, location.href), now = new URL(location.href);
    return !(e.href.includes('#') && to.origin + to.pathname + to.search === now.origin + now.pathname + now.search);
  }
  const form = e.form;
  return !!form && ['submit', 'image'].includes(e.type) && (e.getAttribute('formmethod') || form.method) !== 'dialog';
}
// What the steps read of a page (page.js), within the element `root` the within() scopes narrow it to.
function pageRead(root) {
  const h1 = [...document.querySelectorAll('h1')].find(shown);
  const named = (kind) => [...root.querySelectorAll(KINDS[kind])].filter((e) => shown(e)).map((e) => names(e, kind));
  return {
    path: here(),
    origin: location.origin,
    text: root === document ? (document.body ? document.body.innerText : '') : root.innerText,
    heading: h1 ? h1.innerText : '',
    links: named('link'),
    buttons: named('button'),
    fields: named('field'),
  };
}
