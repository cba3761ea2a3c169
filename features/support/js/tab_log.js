// Logs what each press of Tab reaches (focused_drawn.js's answer, read as the key comes up) in
// window.acceptanceTabs, so that the presses go to the browser as one command and the log comes
// back in one read. The log ends where the reading one press at a time ended: the focus leaves the
// page's elements, comes back to the first one reached, or stays where it was; the presses after
// that are held, so the focus stays where it was then.
const drawn = function () { /* FOCUSED */ };
window.acceptanceTabs = {log: [], first: null, last: null, done: false};
// Tab from the top of the page, wherever an earlier walk left the focus (WebKit brings it back to
// the first element, and the next press would go on from there).
if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
if (!window.acceptanceTabbing) {
  window.acceptanceTabbing = true;
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Tab' && window.acceptanceTabs.done) event.preventDefault();
  }, true);
  document.addEventListener('keyup', (event) => {
    const tabs = window.acceptanceTabs;
    if (event.key !== 'Tab' || tabs.done) return;
    const focused = drawn();
    // A press that leaves the focus where it was has taken it out of the page: Firefox moves it to
    // its own toolbar and goes on reporting the page's last element as focused.
    const stayed = document.activeElement === tabs.last;
    if (focused === null || document.activeElement === tabs.first || stayed) { tabs.done = true; return; }
    tabs.first = tabs.first || document.activeElement;
    tabs.last = document.activeElement;
    tabs.log.push(focused);
  }, true);
}
