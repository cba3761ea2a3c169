// Shared by every script of this folder: what a person reads, the way they read it.
// Text with its whitespace collapsed, as it shows on the page.
const clean = (t) => (t || '').replace(/\s+/g, ' ').trim();
// A label's words, without the colon that ends it: "Email:" reads as "Email".
const labelWords = (t) => clean(t).replace(/:$/, '').trim();
// Buttons as a person finds them, and the words on each.
const buttons = () => [...document.querySelectorAll('button, input[type=submit]')];
const buttonWords = (b) => clean(b.tagName === 'BUTTON' ? b.textContent : b.value);
// Where the person is: the address without its host.
const here = () => location.pathname + location.search;
