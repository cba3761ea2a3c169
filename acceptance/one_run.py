"""One run at a time in a checkout: a second run would spoil the first one's verdict.

Two runs in one checkout share its test databases (site/test_db.sqlite3, a worker's
test_db_w1.sqlite3, the same names on a PostgreSQL server) and reports/: the second
destroys the first's database as one left by an interrupted run and clears its results,
and both then fail ("database is locked") for a reason that is neither's. So the process
that starts a run holds a lock on reports/run.lock for as long as it lives (the kernel lets
go when it ends, however it ends), and a second run is refused in one line before it
touches anything. A worker of a parallel run is part of its parent's run and takes none.
"""

import fcntl
import os
from pathlib import Path

LOCK = Path("reports") / "run.lock"
_held = {}


class Busy(Exception):
    """Another run holds the checkout; the message says which and what to do."""


def hold(path=LOCK):
    """Hold the checkout's lock until this process ends; Busy if another run holds it."""
    path = Path(path).resolve()
    if path in _held:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    # Not inherited by the browsers and drivers the run starts (Python's descriptors are close-on-exec).
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        other = os.read(descriptor, 32).decode(errors="replace").strip() or "?"
        os.close(descriptor)
        raise Busy(
            f"another run (process {other}) is using this checkout's test database and reports/: "
            "wait for it to end, or run from another clone"
        ) from None
    os.ftruncate(descriptor, 0)
    os.write(descriptor, f"{os.getpid()}\n".encode())
    _held[path] = descriptor
