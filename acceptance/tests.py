"""What `manage.py behave` refuses in one line: a second run in the same checkout, a tag expression it cannot read."""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase

from acceptance import one_run

ROOT = Path(settings.BASE_DIR)
# Another run: it holds the lock, says so, and ends when its stdin closes.
HOLDER = """
import sys
from acceptance import one_run
one_run.hold(sys.argv[1])
print("held", flush=True)
sys.stdin.read()
"""


class OneRunTests(SimpleTestCase):
    def setUp(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.folder = Path(folder.name)
        self.lock = self.folder / "reports" / "run.lock"

    def hold_elsewhere(self, cwd=ROOT):
        """Another process holding the lock until its stdin closes."""
        process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(self.lock)],
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.addCleanup(process.wait)
        self.addCleanup(process.stdin.close)
        self.assertEqual(process.stdout.readline().strip(), "held")
        return process

    def test_a_second_run_is_told_which_run_holds_the_checkout(self):
        other = self.hold_elsewhere()
        with self.assertRaisesMessage(one_run.Busy, f"another run (process {other.pid}) is using this checkout"):
            one_run.hold(self.lock)

    def test_the_checkout_is_free_again_once_the_run_has_ended(self):
        other = self.hold_elsewhere()
        other.stdin.close()
        other.wait()
        one_run.hold(self.lock)
        self.assertEqual(self.lock.read_text().strip(), str(os.getpid()))

    def test_the_command_refuses_in_one_line_and_clears_nothing(self):
        project = self.folder
        (project / "reports" / "allure-results").mkdir(parents=True)
        earlier = project / "reports" / "allure-results" / "earlier-result.json"
        earlier.write_text("{}")
        for name in ("manage.py", "behave.ini", "features", "site", "acceptance"):
            (project / name).symlink_to(ROOT / name)
        self.hold_elsewhere(cwd=project)
        done = subprocess.run(
            [sys.executable, "manage.py", "behave", "features/signing_in.feature"],
            cwd=project,
            capture_output=True,
            text=True,
        )
        self.assertEqual(done.returncode, 2)
        self.assertEqual(len(done.stderr.strip().splitlines()), 1, done.stderr)
        self.assertIn("error: another run (process", done.stderr)
        self.assertTrue(earlier.exists())


class TagExpressionTests(SimpleTestCase):
    def test_an_expression_left_unquoted_in_the_shell_gets_one_line_that_says_to_quote_it(self):
        # What the shell hands on for --tags=not @browser, unquoted.
        done = subprocess.run(
            [sys.executable, "manage.py", "behave", "--tags=not", "@browser"], cwd=ROOT, capture_output=True, text=True
        )
        self.assertEqual(done.returncode, 2)
        self.assertEqual(
            done.stderr.strip(),
            "error: --tags: Syntax error. Expected operand after not (Expression: ( not )); "
            "an expression with spaces goes in quotes, --tags='not @browser' (features/TAGS.md)",
        )
