"""One run at a time in a checkout: the lock a run holds, and the line that refuses a second one."""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase

from django_acceptance import one_run

ROOT = Path(settings.BASE_DIR).parent
# Another run: it holds the lock on a folder, says so, and ends when its stdin closes.
HOLDER = """
import sys
from django_acceptance import one_run
one_run.hold(sys.argv[1])
print("held", flush=True)
sys.stdin.read()
"""


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
        self.assertEqual((self.checkout / "reports" / one_run.HOLDER).read_text().strip(), str(os.getpid()))

    def test_deleting_reports_does_not_free_the_checkout(self):
        self.hold_elsewhere()
        (self.checkout / "reports" / one_run.HOLDER).unlink()
        with self.assertRaisesMessage(one_run.Busy, "another run (process ?)"):
            one_run.hold(self.checkout)
