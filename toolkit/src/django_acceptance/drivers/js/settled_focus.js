// Browsers move the focus to an autofocus field at a rendering step that can come after
// the page's load event; until then nothing has the focus, and a Tab pressed meanwhile
// races the browser's own move. This returns the focused element as focused.js does, or
// false while an autofocus is still to come.
const wanted = document.querySelector('[autofocus]');
const e = document.activeElement;
const nothing = !e || e === document.body || e === document.documentElement;
if (nothing && wanted && !wanted.disabled && wanted.getClientRects().length) return false;
return nothing ? null : e;
