// The focused element, or null when the focus has left the page's elements (past the last one).
const e = document.activeElement;
return e && e !== document.body && e !== document.documentElement ? e : null;
