"""The site's clock: moved for every thread of the run, never for its waits or its own timings, and put back."""

import threading
import time
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import behave.model
from django.test import SimpleTestCase
from django.utils import timezone
from time_machine import escape_hatch

from django_acceptance import hooks
from django_acceptance.clock import Clock


class ClockTests(SimpleTestCase):
    def setUp(self):
        self.clock = Clock()
        self.addCleanup(self.clock.reset)

    def test_later_moves_the_clock_of_every_thread_and_it_keeps_running(self):
        expected = datetime.now(UTC) + timedelta(days=3)
        self.clock.later(timedelta(days=3))
        seen = []
        server = threading.Thread(target=lambda: seen.append(timezone.now()))
        server.start()
        server.join()
        for moment in (timezone.now(), seen[0]):
            self.assertLess(abs(moment - expected), timedelta(seconds=1), moment)
        self.clock.later(timedelta(minutes=1))
        self.assertLess(abs(timezone.now() - expected - timedelta(minutes=1)), timedelta(seconds=1))

    def test_at_sets_the_clock_and_waits_and_the_runs_own_time_stay_real(self):
        started, real = time.monotonic(), time.time()
        self.clock.at(datetime(2026, 3, 3, 23, 59, tzinfo=UTC))
        self.assertEqual(timezone.localdate().isoformat(), "2026-03-03")
        self.assertLess(time.monotonic() - started, 1)
        self.assertLess(abs(behave.model.time.time() - real), 1)

    def test_a_moment_without_a_time_zone_is_refused_in_one_line(self):
        with self.assertRaisesMessage(ValueError, "has no time zone: give the clock an aware datetime."):
            self.clock.at(datetime(2026, 3, 3, 23, 59))

    def test_the_clock_goes_back_after_a_scenario_that_failed(self):
        self.clock.later(timedelta(weeks=2))
        run = SimpleNamespace(
            clock=self.clock,
            timer=SimpleNamespace(scenario_done=lambda scenario: None),
            end_scenario=lambda driver, failed: None,
        )
        failed = SimpleNamespace(status=SimpleNamespace(has_failed=lambda: True))
        hooks.after_scenario(SimpleNamespace(run=run, driver=None), failed)
        self.assertFalse(self.clock.moved)
        self.assertFalse(escape_hatch.is_travelling())
