"""A whole run of the toolkit's own test project: `manage.py behave` and the report, as an adopter runs them.

The project has no behave.ini: the features folder, the formatters and the results come from
the toolkit. One scenario is tagged @browser (Chromium); without a browser on the machine it
fails with the line that says how to install one, which is what this test then reads.
"""

import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase

PROJECT = Path(settings.BASE_DIR)
TOOLKIT = PROJECT.parent


def manage(*arguments):
    command = [sys.executable, "-m", "django", *arguments, "--settings=tests.settings"]
    return subprocess.run(command, cwd=TOOLKIT, capture_output=True, text=True, timeout=300)


class RunTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        shutil.rmtree(PROJECT / "reports", ignore_errors=True)
        cls.done = manage("behave", "--no-junit")

    def test_every_scenario_runs_through_its_driver_and_passes(self):
        if not shutil.which("chromedriver") and not Path("/usr/bin/chromedriver").exists():
            self.skipTest("no Chromium here: the @browser scenario cannot run")
        self.assertEqual(self.done.returncode, 0, self.done.stdout + self.done.stderr)
        self.assertIn("3 scenarios passed, 0 failed", self.done.stdout)

    def test_the_run_writes_its_page_and_says_where(self):
        self.assertIn("The specification: tests/reports/index.html", self.done.stdout)
        self.assertIn("Someone who gives her name is greeted by it", (PROJECT / "reports" / "index.html").read_text())

    def test_a_partial_run_writes_the_partial_page_and_junit_of_its_own(self):
        junit = PROJECT / "reports" / "partial-junit"
        junit.mkdir(parents=True, exist_ok=True)
        (junit / "TESTS-earlier.xml").write_text("<testsuite/>")
        done = manage(
            "behave", "--junit", "--junit-directory", str(junit), "-n", "asked for it",
            "-D", "results=tests/reports/partial-results",
        )  # fmt: skip
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
        self.assertIn("The specification of this part of the suite: tests/reports/partial.html", done.stdout)
        self.assertEqual(sorted(p.name for p in junit.iterdir()), ["TESTS-greeting.xml"])

    def test_two_workers_run_them_too_when_the_command_is_a_module(self):
        # `python -m django`: each worker is started as its parent was, or it cannot import the project.
        done = manage("behave", "--no-junit", "--parallel", "2", "-D", "results=tests/reports/parallel-results")
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
        self.assertIn("3 scenarios passed, 0 failed, 0 skipped (w1 ", done.stdout)

    def test_the_report_is_the_specification_without_allure(self):
        done = manage("acceptance_report")
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertIn("no Allure page (`npm install allure` adds one)", done.stdout)
        page = (PROJECT / "reports" / "index.html").read_text()
        self.assertIn("<title>The specification</title>", page)
        self.assertIn("Someone who gives her name is greeted by it", page)
        self.assertNotIn("partial", done.stdout.lower())
        self.assertNotIn("the last benchmark", page)

    def test_the_report_links_the_benchmark_kept_beside_it(self):
        bench = PROJECT / "reports" / "bench.json"
        bench.parent.mkdir(exist_ok=True)
        bench.write_text("{}\n")
        try:
            done = manage("acceptance_report")
        finally:
            bench.unlink()
        self.assertEqual(done.returncode, 0, done.stderr)
        page = (PROJECT / "reports" / "index.html").read_text()
        self.assertIn("<a href='bench.json'>the last benchmark</a>", page)


class WrongSettingTests(SimpleTestCase):
    def test_a_wrong_setting_stops_the_run_in_one_line(self):
        command = [sys.executable, "-m", "django", "behave", "--settings=tests.wrong_settings"]
        done = subprocess.run(command, cwd=TOOLKIT, capture_output=True, text=True, timeout=120)
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("(django_acceptance.E001) ACCEPTANCE['FEATURE'] is not a key of the setting", done.stderr)
        self.assertNotIn("Traceback", done.stderr)
