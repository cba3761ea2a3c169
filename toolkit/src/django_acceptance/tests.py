"""What `manage.py behave` refuses in one line: a second run in the same checkout, a tag expression it cannot read."""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase

from django_acceptance import one_run

ROOT = Path(settings.BASE_DIR)
# Another run: it holds the lock on a folder, says so, and ends when its stdin closes.
HOLDER = """
import sys
from django_acceptance import one_run
one_run.hold(sys.argv[1])
print("held", flush=True)
sys.stdin.read()
"""


def behave(*arguments):
    return subprocess.run([sys.executable, "manage.py", "behave", *arguments], cwd=ROOT, capture_output=True, text=True)


class OneRunTests(SimpleTestCase):
    def setUp(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.checkout = Path(folder.name)
        self.addCleanup(one_run.release, self.checkout)

    def hold_elsewhere(self):
        """Another process holding the lock on the checkout until its stdin closes."""
        process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(self.checkout)],
            cwd=ROOT,
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
            one_run.hold(self.checkout)

    def test_the_checkout_is_free_again_once_the_run_has_ended(self):
        other = self.hold_elsewhere()
        other.stdin.close()
        other.wait()
        one_run.hold(self.checkout)
        self.assertEqual((self.checkout / one_run.HOLDER).read_text().strip(), str(os.getpid()))

    def test_deleting_reports_does_not_free_the_checkout(self):
        self.hold_elsewhere()
        (self.checkout / one_run.HOLDER).unlink()
        with self.assertRaisesMessage(one_run.Busy, "another run (process ?)"):
            one_run.hold(self.checkout)


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
