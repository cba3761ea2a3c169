"""`manage.py behave --help`: the suite's own options first, every run option with its values."""

import subprocess
import sys

from django.test import SimpleTestCase

from django_acceptance.options import HELP, OPTION_NAMES
from tests.test_run import TOOLKIT


class HelpTests(SimpleTestCase):
    def test_every_run_option_is_listed_with_its_values(self):
        self.assertEqual(sorted(name for name, _, _ in HELP), sorted(OPTION_NAMES))

    def test_the_suites_options_come_first(self):
        command = [sys.executable, "-m", "django", "behave", "--help", "--settings=tests.settings"]
        done = subprocess.run(command, cwd=TOOLKIT, capture_output=True, text=True, timeout=120)
        lines = done.stdout.splitlines()
        self.assertEqual(lines[4], "the suite's options:", done.stdout[:500])
        self.assertIn("    -D trace               failed|all|off (failed): what the site did at each step", done.stdout)
        self.assertLess(lines.index("  --shard I/N           Run the I-th of N disjoint parts of the selection,"), 60)
