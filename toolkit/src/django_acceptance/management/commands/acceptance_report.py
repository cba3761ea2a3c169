"""`manage.py acceptance_report [FOLDER ...]`: the report of one or several runs.

<reports>/index.html is the specification a product owner reads: every feature as written, with
how each scenario fared each way it ran. <reports>/allure.html, linked from it, is Allure Report
3's (history, retries, timings), where the npm package `allure` is installed. Both open from
disk, offline. A run of part of the suite (a path, a tag, -n) renders partial.html instead, and
the last full specification stays as it was.
"""

import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand

from django_acceptance.conf import project
from django_acceptance.report.render import ReportError, allure_command, render_allure, render_spec
from django_acceptance.report.spec import load_results, partial_selections


class Command(BaseCommand):
    help = "Renders the report (the specification, and Allure's page) from folders of a run's results."

    def add_arguments(self, parser):
        parser.add_argument("folders", nargs="*", help="folders of results (-D results=DIR); default: the last run's")
        parser.add_argument("--output", help="the folder to write the pages to (default: the reports folder)")
        # Folders are named as for the run (-D results): from where the command runs.

    def handle(self, *args, **options):
        here = project()
        default = here.path(here.reports) / "allure-results" / "acceptance"
        folders = [Path(f).resolve() for f in options["folders"]] or [default]
        output = Path(options["output"]).resolve() if options["output"] else here.path(here.reports)
        missing = [str(folder) for folder in folders if not any(Path(folder).glob("*-result.json"))]
        if missing:
            self.stderr.write(f"report: no results in {', '.join(missing)}: run python manage.py behave first.")
            sys.exit(1)
        _, _, properties = load_results(folders)
        partial = partial_selections(properties)
        spec_page = output / ("partial.html" if partial else "index.html")
        allure_page = output / ("partial-allure.html" if partial else "allure.html")
        allure = allure_command(here)
        stats = {}
        try:
            if allure:
                stats = render_allure(here, folders, allure_page, allure)
            started = time.perf_counter()
            run = render_spec(here, folders, spec_page, allure_href=allure_page.name if allure else None)
            took = time.perf_counter() - started
        except ReportError as error:
            self.stderr.write(f"report: {error}")
            sys.exit(1)
        rows = [row for scenario in run.scenarios for row in scenario.runs]
        counts = ", ".join(f"{stats[key]} {key}" for key in ("passed", "failed", "broken", "flaky") if stats.get(key))
        shown = spec_page.relative_to(here.root) if spec_page.is_relative_to(here.root) else spec_page
        ran = f"run {_times(stats.get('total', 0))}: {counts or 'none'}; " if allure else ""
        beside = f"Allure's: {allure_page.name}" if allure else "no Allure page (`npm install allure` adds one)"
        self.stdout.write(f"Report: {shown} ({len(rows)} scenarios, {ran}rendered in {took:.1f} s), {beside}")
        if partial:
            full = output / "index.html"
            kept = f"the last full specification stays {full.name}" if full.exists() else "no full run yet"
            self.stdout.write(f"A partial run ({'; '.join(partial)}): {kept}.")


def _times(count):
    return "once" if count == 1 else f"{count} times"
