"""A parallel run's summary counts as a serial run does: a step not yet written and broken machinery by name."""

import io
import tempfile
from contextlib import redirect_stdout
from types import SimpleNamespace

from django.test import SimpleTestCase

from django_acceptance.parallel.summary import print_summary


class SummaryTests(SimpleTestCase):
    def summary(self, statuses):
        results = {}
        for n, status in enumerate(statuses, start=1):
            at = f"a.feature:{n}"
            results[at] = {"location": at, "status": status, "error": f"{status} here", "worker": "w1"}
        pool = SimpleNamespace(workers=[SimpleNamespace(name="w1", ran=len(statuses))], interrupted=False)
        with tempfile.TemporaryDirectory() as folder, redirect_stdout(io.StringIO()) as said:
            status = print_summary(list(results), results, {}, SimpleNamespace(evidence_dir=folder), pool, 1.0)
        return status, said.getvalue()

    def test_a_step_not_yet_written_and_a_broken_machinery_are_counted_by_name(self):
        status, said = self.summary(["passed", "failed", "undefined", "error", "skipped"])
        self.assertIn("1 scenarios passed, 1 failed, 1 skipped, 1 not yet written, 1 errored (w1 5;", said)
        self.assertEqual(status, 1)

    def test_a_run_with_a_step_not_yet_written_alone_does_not_pass(self):
        status, said = self.summary(["passed", "undefined"])
        self.assertIn("1 scenarios passed, 0 failed, 0 skipped, 1 not yet written (", said)
        self.assertEqual(status, 1)

    def test_a_run_of_passes_passes(self):
        self.assertEqual(self.summary(["passed", "skipped"])[0], 0)
