// The page's state for the accessibility checks, in one round trip: its origin, and its
// address with a hash of its structure (elements, attributes but values, where text is).
let hash = 2166136261;
const add = (text) => {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
};
for (const element of document.querySelectorAll('*')) {
  add('<' + element.tagName);
  for (const attribute of element.attributes) {
    if (attribute.name !== 'value') add(' ' + attribute.name + '=' + attribute.value);
  }
  for (const child of element.childNodes) {
    if (child.nodeType === Node.TEXT_NODE && child.data.trim()) { add('T'); break; }
  }
}
return [location.origin, here() + ' ' + (hash >>> 0).toString(16)];
