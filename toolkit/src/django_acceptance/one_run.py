"""One run at a time in a checkout: a second run would spoil the first one's verdict.

Two runs in one checkout share its test databases (test_db.sqlite3, a worker's
test_db_w1.sqlite3, the same names on a PostgreSQL server) and reports/: the second
destroys the first's database as one left by an interrupted run and clears its results,
and both then fail ("database is locked") for a reason that is neither's. `manage.py
test` builds the same test database. So the process that starts a run, or the Django
tests, holds a lock on the checkout's folder itself, which no clean-up deletes, for as
long as it lives (the kernel lets go when it ends, however it ends), and a second one is
refused in one line before it touches anything. A parallel run's workers are handed the
lock with the rest of the run, so that it lasts as long as the last of them.
"""

import fcntl
import os
from pathlib import Path

from django_acceptance.conf import project

# Who holds the lock, for the line that refuses a second run (in the reports folder).
HOLDER = "run.pid"
_held = {}


class Busy(Exception):
    """Another run holds the checkout; the message says which and what to do."""


def _holder(folder):
    return folder / project().reports / HOLDER


def hold(folder=None):
    """Hold the lock on the checkout (its folder) until this process ends; Busy if another run holds it."""
    folder = Path(folder or project().root).resolve()
    if folder in _held:
        return _held[folder]
    # Not inherited by the browsers and drivers the run starts (Python's descriptors are close-on-exec).
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(descriptor)
        try:
            other = _holder(folder).read_text().strip()
        except OSError:
            other = "?"
        raise Busy(
            f"another run (process {other}) is using this checkout's test database and {project().reports}/: "
            "wait for it to end, or run from another clone"
        ) from None
    _held[folder] = descriptor
    holder = _holder(folder)
    holder.parent.mkdir(parents=True, exist_ok=True)
    holder.write_text(f"{os.getpid()}\n")
    return descriptor


def release(folder=None):
    """Let go of the lock before this process ends (the tests do)."""
    descriptor = _held.pop(Path(folder or project().root).resolve(), None)
    if descriptor is not None:
        os.close(descriptor)
