// Every read and every find goes through this gate (BrowserDriver.read): while the page an
// action left (marked window.acceptanceLeaving) is still on show, or the new one is loading, or
// the browser has yet to arrive at the address it was sent to, it answers "pending" and is
// asked again. arguments[0] is that address, or null. arguments[1] says a visit was made
// since the last read: a page the gate has read before (marked window.acceptanceSeen) is then
// the old one still on show, since under load chromedriver's get() has returned before the
// new page's response arrived. An about:blank document is a navigation's stand-in: Firefox
// now and then runs a script in one, complete and unmarked, while the next page is on its way. The script named in the read (BODY) gets the rest.
const [arrive, visited] = arguments;
if (window.acceptanceLeaving) return {pending: 'change'};
if (visited && window.acceptanceSeen) return {pending: 'load'};
if (location.protocol === 'about:') return {pending: 'load'};
if (document.readyState !== 'complete' || (arrive && !location.href.startsWith(arrive))) return {pending: 'load'};
window.acceptanceSeen = true;
return {value: (function () { /* BODY */ }).apply(null, [].slice.call(arguments, 2))};
