// Loads axe from the run's own small server (the browser caches it after the first page), then
// runs it: arguments[0] is axe's address, arguments[1] the rules' tags; asynchronous.
const [url, tags] = arguments, done = arguments[arguments.length - 1];
const run = () => window.axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then((results) => done({version: window.axe.version, violations: results.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
    nodes: v.nodes.map((n) => ({target: n.target.join(' '), html: n.html, summary: n.failureSummary})),
  }))}))
  .catch((error) => done({error: String(error)}));
if (window.axe) { run(); } else {
  const script = document.createElement('script');
  script.src = url;
  script.onload = () => { script.remove(); run(); };
  script.onerror = () => done({error: 'the browser could not load ' + url});
  document.head.appendChild(script);
}
