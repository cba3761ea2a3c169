#!/usr/bin/env python3
"""Render the report from one or several folders of results: the specification and Allure's page.

    scripts/report.py                       the results of the last `python manage.py behave`
    scripts/report.py DIR [DIR ...]         several runs in one report (make test: client and browser)

reports/index.html is the specification a product owner reads: every feature as written, with
how each scenario fared each way it ran (toolkit/src/django_acceptance/report/). reports/allure.html, linked from
it, is Allure Report 3's (the npm package `allure`, `npm ci`; no Java): history, retries,
timings. Both are single files that open from disk, offline. Settings of Allure's are in
allurerc.mjs; each render adds the runs to its history, reports/history.jsonl.

A run of part of the suite (a path, a tag, -n) renders reports/partial.html and says so; the
last full specification, reports/index.html, stays as it was.
"""

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from django_acceptance.report.render import render_spec  # noqa: E402 - after the project is on the path
from django_acceptance.report.spec import load_results, partial_selections  # noqa: E402

ALLURE = ROOT / "node_modules" / ".bin" / "allure"
DEFAULT_RESULTS = "reports/allure-results/acceptance"
# Allure's page loads Google Analytics when opened online (allure 3.18 has no option to turn it off);
# a report of this project's runs stays on the reader's machine.
ANALYTICS = re.compile(
    r'<script async src="https://www\.googletagmanager\.com/.*?</script>\s*<script>.*?</script>', re.S
)


class ReportError(Exception):
    """The report cannot be rendered; the message says why and what to do."""


def render(folders, page):
    if not ALLURE.exists():
        raise ReportError("Allure Report is not installed: run npm ci (it installs the npm package allure).")
    missing = [str(folder) for folder in folders if not any(Path(folder).glob("*-result.json"))]
    if missing:
        raise ReportError(f"No results in {', '.join(missing)}: run python manage.py behave first.")
    with tempfile.TemporaryDirectory() as rendered:
        command = [str(ALLURE), "generate", *map(str, folders), "--config", str(ROOT / "allurerc.mjs"), "-o", rendered]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        rendered = Path(rendered)
        if done.returncode or not (rendered / "index.html").exists():
            raise ReportError(f"allure generate failed ({done.returncode}): {(done.stderr or done.stdout).strip()}")
        page.parent.mkdir(parents=True, exist_ok=True)
        html = (rendered / "index.html").read_text(encoding="utf-8")
        page.write_text(ANALYTICS.sub("", html, count=1), encoding="utf-8")
        summary = json.loads((rendered / "summary.json").read_text())
    return {**summary.get("stats", {}), "flaky": len(summary.get("flakyTests", []))}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", default=[DEFAULT_RESULTS], help="folders of results (-D results=DIR)")
    parser.add_argument("--output", default="reports", help="the folder to write the pages to")
    args = parser.parse_args()
    folders = [ROOT / folder for folder in args.folders]
    output = ROOT / args.output
    partial = _partial(folders)
    spec_page = output / ("partial.html" if partial else "index.html")
    allure_page = output / ("partial-allure.html" if partial else "allure.html")
    try:
        stats = render(folders, allure_page)
        started = time.perf_counter()
        run = render_spec(ROOT, folders, spec_page, allure_href=allure_page.name)
        took = time.perf_counter() - started
    except ReportError as error:
        print(f"report: {error}", file=sys.stderr)
        return 1
    rows = [row for scenario in run.scenarios for row in scenario.runs]
    counts = ", ".join(f"{stats[key]} {key}" for key in ("passed", "failed", "broken", "flaky") if stats.get(key))
    shown = spec_page.relative_to(ROOT) if spec_page.is_relative_to(ROOT) else spec_page
    print(
        f"Report: {shown} ({len(rows)} scenarios, run {_times(stats.get('total', 0))}: {counts or 'none'};"
        f" rendered in {took:.1f} s), Allure's: {allure_page.name}"
    )
    if partial:
        full = output / "index.html"
        kept = f"the last full specification stays {full.relative_to(ROOT)}" if full.exists() else "no full run yet"
        print(f"A partial run ({'; '.join(partial)}): {kept}.")
    return 0


def _times(count):
    return "once" if count == 1 else f"{count} times"


def _partial(folders):
    """The selections of the runs among these that ran part of the suite (environment.properties)."""
    _, _, properties = load_results(folders)
    return partial_selections(properties)


if __name__ == "__main__":
    sys.exit(main())
