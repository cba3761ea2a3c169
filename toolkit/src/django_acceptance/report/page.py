"""The specification page, reports/index.html: one self-contained file of plain HTML and CSS.

Everything a product owner reads is in the markup, with nothing to expand and no script to
wait for: the features as written, one mark per way each scenario ran, and for a failure its
error and evidence. Pictures are embedded (the page opens from disk, offline); the longer
evidence (the page's HTML, the console) sits in closed <details>, which the browser does not lay out.
"""

import base64
import html
import re
import shutil
from collections import Counter
from pathlib import Path

from django_acceptance.report.spec import FAILED, FLAKY, NOT_RUN, NOT_WRITTEN, PASSED

CSS = (Path(__file__).with_name("page.css")).read_text(encoding="utf-8")
SCRIPT = (Path(__file__).with_name("timeline.js")).read_text(encoding="utf-8")
# What the filter shows: each choice, and the class of the scenarios it keeps.
FILTERS = [("all", "all", None), ("failed", "failed", "has-failed"), ("flaky", "flaky", "has-flaky")]
FILTERS.append(("not-written", "not yet written", "has-not-yet-written"))
MARKS = {PASSED: "✓", FAILED: "✗", FLAKY: "~", NOT_RUN: "–", NOT_WRITTEN: "✎"}
TEXT_LIMIT = 20_000  # characters of one text evidence file shown; the folder has the rest
# The names of the evidence files (report/evidence.py), as a reader would call them.
EVIDENCE = {
    "url": "the page's address",
    "outbox": "the emails sent",
    "page": "the page's HTML",
    "console": "the browser's console",
    "server-errors": "the server's errors",
    "accessibility": "accessibility violations",
    "accessibility-axe": "accessibility violations, as axe-core gave them",
}
# "AssertionError: " and the like say nothing to a reader; what follows does.
# The site's own exception (AttributeError: ...) heading a failure stays: it is the cause.
EXCEPTION = re.compile(r"^(?:AssertionError|[\w.]*DriverError|ASSERT FAILED|Assertion Failed): ", re.M)
QUOTED = re.compile(r'("[^"]*"|&lt;[^&]*&gt;)')


def e(text):
    return html.escape(str(text), quote=True)


def plural(count, word, words=None):
    return f"{count} {word if count == 1 else (words or word + 's')}"


def render(run, allure_href=None, title="The specification", output=None, full=None, bench_href=None):
    """The page's HTML; output: its folder, where the traces it links are copied (traces/ beside it).

    full: for a partial page, (file name, date) of the last full specification, or None.
    """
    traces = Traces(output, "partial-traces" if run.partial else "traces")
    rows = [r for s in run.scenarios for r in s.runs]
    statuses = Counter(_row_status(run, s, r) for s in run.scenarios for r in s.runs)
    ran = sum(1 for r in rows for o in r.outcomes.values() if o.attempts)
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>{e(title)}</title><style>{CSS}{filter_css()}</style></head><body>",
        "<header>",
        f"<h1>{e(title)}</h1>",
    ]
    if run.partial:
        last = (
            f"The last full specification is <a href='{e(full[0])}'>{e(full[0])}</a>, of {e(full[1])}."
            if full
            else "No full run has written the specification yet."
        )
        parts.append(
            "<p class='partial' role='status'><strong>A partial run.</strong> This page shows only "
            f"{e('; '.join(run.partial))}: the rest of the specification was not run this time. {last}</p>"
        )
    summary = f"{plural(len(rows), 'scenario')} in {plural(len(run.features), 'feature')}, run {plural(ran, 'time')}"
    tally = ", ".join(
        f"{n} {status}" for status, n in sorted(statuses.items(), key=lambda kv: list(MARKS).index(kv[0]))
    )
    parts.append(f"<p class='summary'>{e(summary)}: {e(tally)}.</p>")
    parts.append(_what_was_tested(run, allure_href, bench_href))
    parts.append(_contents(run))
    parts.append(_filter())
    parts.append("</header><main>")
    for feature in run.features:
        parts.append(_feature(run, feature, traces))
    parts.append(f"</main><script>{SCRIPT}</script></body></html>")
    return "".join(parts)


def _row_status(run, scenario, row):
    if scenario.undefined:
        return NOT_WRITTEN
    statuses = {o.status for o in row.outcomes.values()}
    for status in (FAILED, FLAKY, PASSED):
        if status in statuses:
            return status
    return NOT_RUN


def _what_was_tested(run, allure_href, bench_href=None):
    props = run.properties
    lines = []
    when = props.get("started", "")
    commit = props.get("commit", "")
    said = []
    if when:
        said.append(f"Tested {e(when)}")
    if commit:
        said.append(f"commit <code>{e(commit)}</code>")
    if props.get("databases"):
        said.append(f"databases: {e(props['databases'])}")
    if said:
        lines.append(f"<p class='tested'>{', '.join(said)}.</p>")
    if run.ways:
        lines.append("<table class='ways'><caption>The ways each scenario ran</caption><tbody>")
        for way in run.ways:
            meaning = props.get(f"ran in {way}", "")
            lines.append(f"<tr><th scope='row'><span class='way'>{e(way)}</span></th><td>{e(meaning)}</td></tr>")
        lines.append("</tbody></table>")
    else:
        lines.append("<p class='tested'>No results: nothing has been run yet. The features are shown as written.</p>")
    legend = " ".join(f"<span class='mark {_cls(s)}'>{MARKS[s]} {e(s)}</span>" for s in MARKS)
    lines.append(f"<p class='legend'>{legend}</p>")
    if allure_href:
        lines.append(
            "<p class='allure'>History, retries and timings of every result: "
            f"<a href='{e(allure_href)}'>Allure Report</a>.</p>"
        )
    if bench_href:
        lines.append(f"<p class='bench'>How fast the suite runs: <a href='{e(bench_href)}'>the last benchmark</a>.</p>")
    return "".join(lines)


def _cls(status):
    return status.replace(" ", "-")


def _contents(run):
    items = []
    for number, feature in enumerate(run.features, 1):
        rows = [(s, r) for s in feature.all_scenarios() for r in s.runs]
        counts = Counter(_row_status(run, s, r) for s, r in rows)
        marks = " ".join(f"<span class='mark {_cls(s)}'>{MARKS[s]} {n}</span>" for s, n in counts.items())
        rules = "".join(
            f"<li><a href='#f{number}-r{index}'>{e(rule.name)}</a></li>" for index, rule in enumerate(feature.rules, 1)
        )
        items.append(
            f"<li><a href='#f{number}'>{e(feature.name)}</a> "
            f"<span class='count'>{plural(len(rows), 'scenario')}</span> {marks}"
            + (f"<ol class='rules'>{rules}</ol>" if rules else "")
            + "</li>"
        )
    return f"<nav aria-label='Contents'><ol>{''.join(items)}</ol></nav>"


def _filter():
    """Radio buttons that show only the scenarios of one status (page.css hides the others, no script)."""
    choices = "".join(
        f"<label><input type='radio' name='show' id='show-{key}'{' checked' * (key == 'all')}> {e(label)}</label>"
        for key, label, _ in FILTERS
    )
    return f"<fieldset class='filter'><legend>Show</legend>{choices}</fieldset>"


def filter_css():
    """The rules that hide what a choice of the filter leaves out: scenarios, then rules and features left empty."""
    rules = []
    for key, _, cls in FILTERS:
        if cls is None:
            continue
        on = f"body:has(#show-{key}:checked)"
        rules.append(
            f"{on} article.scenario:not(.{cls}), {on} .rule:not(:has(.{cls})), "
            f"{on} .feature:not(:has(.{cls})), {on} .background {{ display: none; }}"
        )
    return "\n".join(rules)


def _feature(run, feature, traces):
    number = run.features.index(feature) + 1
    out = [
        f"<section class='feature' id='f{number}'><h2><span class='kw'>Feature:</span> {e(feature.name)} "
        f"{_anchor(f'f{number}')}</h2>"
    ]
    out.append(f"<p class='file'>{e(feature.path)}</p>")
    out.append(_description(feature.description))
    if feature.background:
        out.append(_background(feature.background, run.catalogue))
    for scenario in feature.scenarios:
        out.append(_scenario(run, scenario, traces))
    for index, rule in enumerate(feature.rules, 1):
        anchor = f"f{number}-r{index}"
        out.append(
            f"<section class='rule' id='{anchor}'>"
            f"<h3><span class='kw'>Rule:</span> {e(rule.name)} {_anchor(anchor)}</h3>"
        )
        out.append(_description(rule.description))
        if rule.background:
            out.append(_background(rule.background, run.catalogue))
        for scenario in rule.scenarios:
            out.append(_scenario(run, scenario, traces))
        out.append("</section>")
    out.append("</section>")
    return "".join(out)


def _anchor(anchor):
    return f"<a class='anchor' href='#{e(anchor)}' aria-label='Link to this'>#</a>"


def _description(lines):
    if not lines:
        return ""
    paragraphs, current = [], []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    return "".join(f"<p class='description'>{e(p)}</p>" for p in paragraphs)


def _background(steps, catalogue):
    return f"<div class='background'><h4><span class='kw'>Background:</span></h4>{_steps(steps, None, catalogue)}</div>"


def _step_text(name):
    # Quoted words and <placeholders> stand out, as in an editor.
    return QUOTED.sub(r"<span class='param'>\1</span>", e(name).replace("&quot;", '"'))


def _steps(steps, failed=None, catalogue=None, timings=None):
    """The steps as written; timings: for each step, (way, status, seconds) of each way it ran."""
    out = ["<ol class='steps'>"]
    for index, step in enumerate(steps):
        classes = []
        if step.closest is not None:
            classes.append("not-written")
        if failed and f"{step.keyword} {step.name}" in failed:
            classes.append("failed")
        out.append(f"<li class='{' '.join(classes)}'><span class='kw'>{e(step.keyword)}</span> {_step_text(step.name)}")
        for way, status, seconds in (timings or {}).get(index, []):
            shown = "skipped" if status == "skipped" else f"{seconds:.2f} s"
            out.append(f" <span class='took {_cls(status)}' title='{e(way)}: {e(status)}'>{e(way)} {shown}</span>")
        if step.table:
            out.append(_table(step.table[0], step.table[1:]))
        if step.text:
            out.append(f"<pre class='docstring'>{e(step.text)}</pre>")
        if step.closest is not None:
            offers = "".join(f"<li><code>{e(c)}</code></li>" for c in step.closest)
            out.append(
                "<div class='closest'><strong>Not yet written.</strong> No step says this yet; the closest that exist:"
                f"<ul>{offers}</ul>"
                + (f"Every step is listed in <code>{e(catalogue)}</code>." if catalogue else "")
                + "</div>"
            )
        out.append("</li>")
    out.append("</ol>")
    return "".join(out)


def _table(headings, rows, extra_heading="", extra=()):
    head = "".join(f"<th scope='col'>{e(h)}</th>" for h in headings) + (
        f"<th scope='col'>{e(extra_heading)}</th>" if extra_heading else ""
    )
    body = []
    for index, row in enumerate(rows):
        cells = "".join(f"<td>{e(c)}</td>" for c in row)
        if extra:
            cells += f"<td>{extra[index]}</td>"
        body.append(f"<tr>{cells}</tr>")
    return f"<table class='data'><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _marks(run, scenario, row):
    if scenario.undefined:
        return f"<span class='mark not-yet-written'>{MARKS[NOT_WRITTEN]} not yet written</span>"
    out = []
    for way, outcome in row.outcomes.items():
        status = outcome.status
        tries = len(outcome.attempts)
        more = f", {tries} attempts" if tries > 1 else ""
        out.append(
            f"<span class='mark {_cls(status)}' title='{e(way)}: {e(status)}{more}'>{MARKS[status]} {e(way)}</span>"
        )
    return " ".join(out) or f"<span class='mark not-run'>{MARKS[NOT_RUN]} not run</span>"


def _scenario(run, scenario, traces):
    status = Counter(_row_status(run, scenario, r) for r in scenario.runs)
    worst = next((s for s in (NOT_WRITTEN, FAILED, FLAKY, PASSED, NOT_RUN) if status.get(s)), NOT_RUN)
    every = {o.status for r in scenario.runs for o in r.outcomes.values()} | set(status)
    has = " ".join(f"has-{_cls(s)}" for s in sorted(every))
    keyword = "Scenario Outline:" if scenario.examples else "Scenario:"
    tags = " ".join(f"<span class='tag'>{e('@' + t)}</span>" for t in scenario.tags)
    out = [f"<article class='scenario {_cls(worst)} {has}' id='{e(scenario.location)}'>"]
    out.append(f"<h4><span class='kw'>{keyword}</span> {e(scenario.name)} {tags} {_anchor(scenario.location)}</h4>")
    if not scenario.examples:
        out.append(f"<p class='marks'>{_marks(run, scenario, scenario)}</p>")
    out.append(_description(scenario.description))
    failures = [(way, o.failure) for r in scenario.runs for way, o in r.outcomes.items() if o.failure]
    failed_steps = {f.failed_step for _, f in failures}
    out.append(_steps(scenario.steps, failed_steps, run.catalogue, _timings(scenario)))
    for examples in scenario.examples:
        title = f"<span class='kw'>Examples:</span> {e(examples.name)}"
        marks = [_marks(run, scenario, row) for row in examples.rows]
        out.append(
            f"<div class='examples'><h5>{title}</h5>"
            f"{_table(examples.headings, [r.cells for r in examples.rows], 'ran', marks)}</div>"
        )
    for row in scenario.runs:
        for way, outcome in row.outcomes.items():
            # A scenario not yet written fails at its first missing step: its steps above say so, with the closest.
            if outcome.failure and not scenario.undefined:
                out.append(_failure(row, way, outcome, traces))
            elif outcome.attempts and outcome.attempts[-1].trace:
                out.append(_timeline(row, way, outcome.attempts[-1], traces, opened=False))
            if outcome.pictures:
                out.append(_pictures(row, way, outcome))
    out.append("</article>")
    return "".join(out)


def _timings(scenario):
    """Step index -> (way, status, seconds) of each way's last attempt (a result's steps end with the scenario's)."""
    if scenario.examples:
        return {}
    found = {}
    for way, outcome in scenario.outcomes.items():
        if not outcome.attempts:
            continue
        ran = outcome.attempts[-1].steps[-len(scenario.steps) :] if scenario.steps else []
        if len(ran) != len(scenario.steps):
            continue
        for index, (_, status, seconds) in enumerate(ran):
            found.setdefault(index, []).append((way, status, seconds))
    return found


class Traces:
    """The traces a page links, copied beside it (a folder of the page's own), each with its scenario's evidence."""

    def __init__(self, output, folder):
        self.output = Path(output) if output else None
        self.folder = folder
        self.copied = {}
        if self.output is not None:
            shutil.rmtree(self.output / folder, ignore_errors=True)

    def href(self, trace, way):
        """The trace.js of a trace folder, relative to the page; copied on first use."""
        if trace not in self.copied:
            evidence = trace.parent
            name = f"{way.replace(' ', '-')}--{evidence.name}"
            if self.output is None:
                self.copied[trace] = trace / "trace.js"
            else:
                shutil.copytree(evidence, self.output / self.folder / name, dirs_exist_ok=True)
                self.copied[trace] = f"{self.folder}/{name}/trace/trace.js"
        return str(self.copied[trace])


def _timeline(row, way, attempt, traces, opened):
    """The trace as a timeline of steps, rendered by the page's script from trace.js (loaded when opened)."""
    where = f" ({e(row.name)})" if row.steps == [] else ""
    summary = f"What the site did at each step, in {e(way)}{where}"
    return (
        f"<details class='timeline' data-trace='{e(traces.href(attempt.trace, way))}'{' open' if opened else ''}>"
        f"<summary>{summary}</summary><div class='timeline-steps'>Loading the trace…</div></details>"
    )


def _failure(row, way, outcome, traces):
    failure = outcome.failure
    where = f" ({e(row.name)})" if row.steps == [] else ""
    what = (
        f"Flaky in {e(way)}{where}: failed, then passed on a later attempt"
        if outcome.status == FLAKY
        else (f"Failed in {e(way)}{where}")
    )
    out = [f"<div class='failure'><p class='why'><strong>{what}</strong>"]
    if failure.failed_step:
        out.append(f" at <q>{e(failure.failed_step)}</q>")
    out.append("</p>")
    if failure.error:
        out.append(f"<pre class='error'>{e(EXCEPTION.sub('', failure.error))}</pre>")
    images, texts = [], []
    for name, path, mime in failure.evidence:
        if not path.exists():
            continue
        if mime.startswith("image/"):
            images.append(_image(path, mime, f"{way}: {name}"))
        elif name not in ("error",):
            body = path.read_text(encoding="utf-8", errors="replace")
            cut = "\n… (the rest is in the evidence folder)" if len(body) > TEXT_LIMIT else ""
            label = EVIDENCE.get(name, name)
            texts.append(f"<details><summary>{e(label)}</summary><pre>{e(body[:TEXT_LIMIT])}{cut}</pre></details>")
    if failure.trace:
        # The trace links the evidence (screenshot, console) as files beside the page: not embedded twice.
        out.append(_timeline(row, way, failure, traces, opened=True))
    else:
        out.extend(images)
    out.extend(texts)
    out.append("</div>")
    return "".join(out)


def _pictures(row, way, outcome):
    figures = "".join(
        f"<figure>{_image(path, 'image/png', step)}<figcaption>{e(step)}</figcaption></figure>"
        for step, path in outcome.pictures
        if path.exists()
    )
    row_name = f": {e(row.name)}" if row.steps == [] else ""  # a row of an outline
    summary = f"The page after each step, in {e(way)}{row_name}"
    return f"<details class='pictures'><summary>{summary}</summary>{figures}</details>"


def _image(path, mime, alt):
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return f"<img loading='lazy' alt='{e(alt)}' src='data:{mime};base64,{data}'>"
