// The specification page's one script: a scenario's trace (report/trace.py) as a timeline of its steps.
// A trace is a script file beside the page (trace.js), loaded when its <details> opens: the page
// opens from disk, where fetch() is refused, and a page of many traces loads none it does not show.
(function () {
  "use strict";

  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    for (const child of [].concat(children || [])) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function seconds(s) {
    return s >= 1 ? `${s.toFixed(2)} s` : `${Math.round(s * 1000)} ms`;
  }

  function plural(n, word, words) {
    return `${n} ${n === 1 ? word : (words || word + "s")}`;
  }

  const WRITE = /^\s*(INSERT|UPDATE|DELETE)\b/i;

  // What the step changed in the database, in a line each, with the request that did it: the
  // first thing to read when a page shows something other than what was done.
  function writes(s) {
    const found = [];
    for (const r of s.requests) for (const q of r.queries) if (WRITE.test(q.sql)) found.push([q, `${r.method} ${r.path}`]);
    for (const q of s.step_queries) if (WRITE.test(q.sql)) found.push([q, "the step itself"]);
    // The session's own rows change at every request: they say nothing of what the step did.
    return found.filter(([q]) => !/django_session/.test(q.sql)).map(([q, by]) => {
      const table = (q.sql.match(/^\s*(?:INSERT INTO|UPDATE|DELETE FROM)\s+"?(\w+)"?/i) || [])[1] || "";
      const what = q.values ? values(q.values, q.named) : JSON.stringify(q.params);
      return el("li", {}, [el("strong", {}, `${q.sql.trim().split(/\s/)[0].toUpperCase()} ${table}`), ` ${what}`,
        el("span", { class: "t" }, ` (by ${by})`)]);
    });
  }

  function values(object, named) {
    return Object.entries(object).map(([k, v]) =>
      `${k}=${JSON.stringify(v)}${named && named[k] ? ` (“${named[k]}”)` : ""}`).join(", ");
  }

  function queries(list, summary) {
    if (!list.length) return [];
    const items = list.map((q) =>
      el("li", {}, [el("code", {}, q.sql), q.values ? el("div", { class: "values" }, values(q.values, q.named)) :
        (q.params.length ? el("div", { class: "values" }, `with ${JSON.stringify(q.params)}`) : ""),
        el("span", { class: "t" }, ` ${seconds(q.duration)}`)]));
    return [el("details", {}, [el("summary", {}, summary), el("ol", { class: "queries" }, items)])];
  }

  // What the browser's page said: an uncaught error as the error it is, a message with its level.
  function console(c) {
    const what = c.kind === "error" ? "JavaScript error" : `console.${c.method || c.level}`;
    return el("li", { class: `said ${c.kind === "error" || c.level === "error" ? "failed" : c.level}` },
      [el("strong", {}, `${what}: `), c.text, c.source ? el("span", { class: "t" }, ` ${c.source}`) : ""]);
  }

  function raised(x) {
    const where = x.where ? ` (${x.where[0]}:${x.where[1]}, in ${x.where[2]})` : "";
    return el("p", { class: "raised" }, [el("strong", {}, `${x.type}: `), x.message, where]);
  }

  function request(r) {
    const head = [el("code", {}, `${r.method} ${r.path}`), ` → ${r.status}`];
    if (r.redirect) head.push(` to ${r.redirect}`);
    head.push(el("span", { class: "t" }, ` · ${r.view || "no view"} · ${seconds(r.duration)}`));
    const body = [el("div", {}, head)];
    if (r.templates.length) body.push(el("div", { class: "muted" }, `templates: ${r.templates.join(", ")}`));
    if (Object.keys(r.form).length) body.push(el("div", { class: "muted" }, `form: ${values(r.form)}`));
    if (r.exception) body.push(raised(r.exception));
    for (const n of r.n_plus_one) {
      body.push(el("p", { class: "nplus1" }, [`N+1: the same query ${n.count} times: `, el("code", {}, n.sql)]));
    }
    body.push(...queries(r.queries, `${plural(r.queries.length, "query", "queries")}, ${seconds(r.query_time)}`));
    return el("li", {}, body);
  }

  function step(s, base) {
    const failed = s.status === "failed" || s.status === "error";
    const counts = [seconds(s.duration), plural(s.requests.length, "request"),
      plural(s.requests.reduce((n, r) => n + r.queries.length, 0) + s.step_queries.length, "query", "queries")];
    if (s.emails.length) counts.push(plural(s.emails.length, "email"));
    if (s.logs.length) counts.push(plural(s.logs.length, "warning"));
    const said = s.console || [];  // traces written before the console was recorded have none
    const thrown = said.filter((c) => c.kind === "error").length;
    if (thrown) counts.push(plural(thrown, "JavaScript error"));
    if (said.length > thrown) counts.push(plural(said.length - thrown, "console message"));
    const summary = el("summary", {}, [el("span", { class: `mark ${failed ? "failed" : s.status}` }, s.status),
      ` ${s.keyword} ${s.name} `, el("span", { class: "t" }, counts.join(" · "))]);
    const body = [summary];
    if (s.requests.length) {
      body.push(el("p", { class: "muted" }, s.requests.map((r) => `${r.method} ${r.path} ${r.status}`).join(" → ")));
    }
    if (s.error) body.push(el("pre", { class: "error" }, s.error));
    const written = writes(s);
    if (written.length) body.push(el("ul", { class: "writes" }, written));
    if (s.requests.length) body.push(el("ol", { class: "requests" }, s.requests.map(request)));
    body.push(...queries(s.step_queries, `${plural(s.step_queries.length, "query", "queries")} of the step's own`));
    for (const m of s.emails) {
      body.push(el("div", { class: "email" }, [el("strong", {}, `Email to ${m.to.join(", ")}: “${m.subject}”`),
        el("pre", {}, m.body)]));
    }
    for (const log of s.logs) body.push(el("p", { class: "log" }, `${log.level} ${log.logger}: ${log.message}`));
    if (said.length) body.push(el("ol", { class: "console" }, said.map(console)));
    for (const x of s.exceptions) if (!s.requests.some((r) => r.exception)) body.push(raised(x));
    if (s.page) body.push(el("p", {}, el("a", { href: base + "trace/" + s.page }, "The page the site answered with")));
    if (s.screenshot) {
      body.push(el("img", { src: base + "trace/" + s.screenshot, alt: `The page after: ${s.keyword} ${s.name}`, loading: "lazy" }));
    }
    return el("details", failed ? { class: "tstep failed", open: "" } : { class: "tstep" }, body);
  }

  function show(details, trace, base) {
    const out = details.querySelector(".timeline-steps");
    out.replaceChildren(...trace.steps.map((s) => step(s, base)));
    const files = trace.evidence.map((name) =>
      name.endsWith(".png") ? el("img", { src: base + name, alt: `${trace.driver}: ${name}`, loading: "lazy" })
        : el("a", { href: base + name }, name));
    const spaced = files.flatMap((file, i) => (i ? [" · ", file] : [file]));
    if (files.length) out.append(el("p", { class: "muted" }, ["The failing step's evidence: ", ...spaced]));
  }

  function load(details) {
    if (!details.open || !details.dataset || !details.dataset.trace || details.dataset.loaded) return;
    details.dataset.loaded = "1";
    const key = details.dataset.trace;
    const base = key.replace(/trace\/trace\.js$/, "");
    const script = el("script", { src: key, "data-key": key });
    script.onload = () => show(details, window.TRACES[key], base);
    script.onerror = () => details.querySelector(".timeline-steps").replaceChildren(`${key} is missing.`);
    document.head.append(script);
  }

  // A <details> opened by its reader; those open from the start (a failure's) load at once.
  document.addEventListener("toggle", (event) => load(event.target), true);
  document.querySelectorAll("details.timeline[open]").forEach(load);
})();
