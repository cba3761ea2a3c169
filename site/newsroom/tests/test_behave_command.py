"""What `manage.py behave` refuses in one line: a second run in the same checkout, a tag expression it cannot read."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase

from django_acceptance import one_run

ROOT = Path(settings.BASE_DIR)


def behave(*arguments):
    return subprocess.run([sys.executable, "manage.py", "behave", *arguments], cwd=ROOT, capture_output=True, text=True)


class CheckoutInUseTests(SimpleTestCase):
    """`manage.py test` holds the checkout as a run does (newsroom.test_runner): a run started now is refused."""

    def setUp(self):
        one_run.hold()  # Already held under the site's test runner; held for this test under any other.

    def test_the_command_refuses_in_one_line_and_clears_nothing(self):
        earlier = ROOT / "reports" / "failures" / "earlier-failure"
        earlier.mkdir(parents=True, exist_ok=True)
        self.addCleanup(earlier.rmdir)
        # Client scenarios: were the lock ever broken, the run would start no browser.
        done = behave("--tags=not @browser", "features/commenting.feature")
        self.assertEqual(done.returncode, 2)
        self.assertEqual(
            done.stderr.strip(),
            f"error: another run (process {os.getpid()}) is using this checkout's test database and reports/: "
            "wait for it to end, or run from another clone",
        )
        self.assertTrue(earlier.is_dir())

    def test_a_dry_run_goes_ahead_and_leaves_the_running_run_its_junit_files(self):
        junit = ROOT / "reports" / "junit" / "TESTS-signing_in.xml"
        before = junit.stat().st_mtime_ns if junit.exists() else None
        done = behave("--dry-run", "-f", "null", "--no-summary", "features/signing_in.feature")
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(junit.stat().st_mtime_ns if junit.exists() else None, before)


class TagExpressionTests(SimpleTestCase):
    def test_an_expression_left_unquoted_in_the_shell_gets_one_line_that_says_to_quote_it(self):
        # What the shell hands on for --tags=not @browser, unquoted.
        done = behave("--tags=not", "@browser")
        self.assertEqual(done.returncode, 2)
        self.assertEqual(
            done.stderr.strip(),
            "error: --tags: Syntax error. Expected operand after not (Expression: ( not )); "
            "an expression with spaces goes in quotes, as in --tags='not @browser' (features/TAGS.md)",
        )
