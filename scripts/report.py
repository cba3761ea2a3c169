#!/usr/bin/env python3
"""Render the report, reports/index.html, from one or several folders of results.

    scripts/report.py                       the results of the last `python manage.py behave`
    scripts/report.py DIR [DIR ...]         several runs in one report (make test: client and browser)

Allure Report 3 (the npm package `allure`, `npm ci`; no Java) renders one self-contained page
that opens from disk. Settings are in allurerc.mjs; each render adds the runs to the report's
history, reports/history.jsonl, so the page shows each scenario's recent results.
"""

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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
    parser.add_argument("--output", default="reports/index.html", help="the page to write")
    args = parser.parse_args()
    try:
        stats = render([ROOT / folder for folder in args.folders], ROOT / args.output)
    except ReportError as error:
        print(f"report: {error}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{stats[key]} {key}" for key in ("passed", "failed", "broken", "flaky") if stats.get(key))
    print(f"Report: {args.output} ({stats.get('total', 0)} results: {counts or 'none'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
