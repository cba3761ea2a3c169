// The lines each element matching arguments[0] shows on screen: its characters, grouped by the
// line each is drawn on. Read from the layout, not from innerText, which WebKit gives without the
// line breaks a `white-space: pre-wrap` draws.
const linesOf = (element) => {
  const lines = [];
  const range = document.createRange();
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let top = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i += 1) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      // Its box with a width: WebKit gives a character after a line break an empty box at the end
      // of the line before it too. A character without one draws nothing (a line break, a collapsed space).
      const box = Array.from(range.getClientRects()).find((rect) => rect.width > 0 && rect.height > 0);
      if (!box) continue;
      // Lower by half a line or more: the next line.
      if (top === null || box.top >= top + box.height / 2) {
        lines.push('');
        top = box.top;
      }
      lines[lines.length - 1] += /\s/.test(node.data[i]) ? ' ' : node.data[i];
    }
  }
  return lines.map((line) => line.trim()).filter((line) => line !== '');
};
return Array.from(document.querySelectorAll(arguments[0]), linesOf);
