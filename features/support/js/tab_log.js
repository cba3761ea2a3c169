// Logs what each press of Tab reaches (focused_drawn.js's answer, read as the key comes up) in
// window.acceptanceTabs, so that the presses go to the browser as one command and the log comes
// back in one read. The log ends where the reading one press at a time ended: the focus leaves the
// page's elements, or comes back to the first one reached; the presses after that are held, so the
// focus stays where it was then.
const drawn = function () { /* FOCUSED */ };
window.acceptanceTabs = {log: [], first: null, done: false};
if (!window.acceptanceTabbing) {
  window.acceptanceTabbing = true;
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Tab' && window.acceptanceTabs.done) event.preventDefault();
  }, true);
  document.addEventListener('keyup', (event) => {
    const tabs = window.acceptanceTabs;
    if (event.key !== 'Tab' || tabs.done) return;
    const focused = drawn();
    if (focused === null || document.activeElement === tabs.first) { tabs.done = true; return; }
    tabs.first = tabs.first || document.activeElement;
    tabs.log.push(focused);
  }, true);
}
