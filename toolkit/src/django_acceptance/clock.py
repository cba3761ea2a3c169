"""The site's clock, which a scenario may move ("it is 3 days later") and which goes back after it.

Through time-machine rather than freezegun: time-machine patches the C functions behind
time.time() and datetime.now() once, for the whole process, so the live server's thread sees
the moved clock as the scenario's does, and it leaves time.monotonic() alone, so the waits of
threading, Selenium and the live server keep real time. freezegun swaps the attribute in
every loaded module (a scan of all of Django at each start) and freezes monotonic() too, which
stops a timed wait from ever timing out. Moved, the clock keeps running (tick): a minute in a
scenario is still a minute.

Only this process's clock moves. The browser keeps real time (a cookie's expiry, JavaScript's
Date, HTTP caching are judged by it), and so does a database server (SQL's NOW()): a rule the
site keeps there is not moved by these steps.
"""

import time
from datetime import UTC, datetime, timedelta

__all__ = ["Clock"]


class Clock:
    """One a run: moved forward by later(), set by at(), put back by reset() after every scenario."""

    def __init__(self):
        self._travel = None
        self._traveller = None

    @property
    def moved(self):
        return self._travel is not None

    def later(self, delta: timedelta):
        """Move the clock on by delta from where it is now (moved or not)."""
        if self._traveller is None:
            self.at(datetime.now(UTC) + delta)
        else:
            self._traveller.shift(delta)

    def at(self, moment: datetime):
        """Set the clock to this moment (time-zone aware), from which it runs on."""
        if moment.tzinfo is None:
            raise ValueError(f"{moment} has no time zone: give the clock an aware datetime.")
        if self._traveller is not None:
            self._traveller.move_to(moment)
            return
        import time_machine

        _keep_the_runs_own_time_real()
        self._travel = time_machine.travel(moment, tick=True)
        self._traveller = self._travel.start()

    def reset(self):
        """Real time again; nothing to do if the clock was never moved."""
        if self._travel is not None:
            self._travel.stop()
            self._travel = self._traveller = None


class _RealTime:
    """The `time` module as behave and allure-behave see it: time.time() is the machine's, moved or not.

    They time steps with time.time(): a step that moves the clock three days would last
    three days in the report, the benchmark's figures and the durations that schedule a
    parallel run.
    """

    def __getattr__(self, name):
        return getattr(time, name)

    @staticmethod
    def time():
        from time_machine import escape_hatch

        return escape_hatch.time.time() if escape_hatch.is_travelling() else time.time()


def _keep_the_runs_own_time_real():
    import allure_commons.utils
    import behave.model
    import behave.reporter.summary

    real = _RealTime()
    behave.model.time = real
    allure_commons.utils.time = real
    behave.reporter.summary.time_now = real.time
