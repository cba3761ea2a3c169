"""Parallel runs (--parallel N) and shards (--shard I/N): starting, feeding, watching and stopping workers.

The parent process selects the scenarios as behave would (schedule.py decides the
order, the batches and the shard) and hands them out a batch at a time (scenarios of
one feature file), longest first, to whichever worker is free. Each worker is
`manage.py behave` with the run's own arguments, an ordinary run with its own test
database, live server and browser (worker.py); it sends back one plain result per
scenario as it ends, and only this process prints: the progress
dots, one summary (summary.py) and one exit status. The parent configures its
workers: it clears the run's results and evidence once, tells each worker where to
send its results, and keeps the durations they send back. Each worker's output is in
reports/workers/wN.log, its JUnit files in <junit directory>/wN/; the report's results
of every worker go to the run's one results folder.

Each worker leads a process group of its own, which holds its browser and driver:
Ctrl-C or SIGTERM stops every worker at once, and a worker that dies takes nothing
with it but its current batch, whose scenarios fail with one line that says so.
"""

import json
import os
import selectors
import shutil
import signal
import subprocess
import sys
import time
from collections import deque
from pathlib import Path

from django_acceptance import one_run
from django_acceptance.parallel import schedule
from django_acceptance.parallel.arguments import without_own_options
from django_acceptance.parallel.summary import SYMBOLS, print_summary, write_timings
from django_acceptance.parallel.worker import RESULTS, WORKER, test_database_name, workers_dir
from django_acceptance.report import evidence
from django_acceptance.report.results import clear as clear_results

# Seconds a stopped worker has to quit its browser and drop its database before it is killed.
GRACE_S = 15


def run(config, options, argv, jobs, shard):
    """The whole parallel or sharded run; returns its exit status."""
    try:
        scenarios = schedule.select(config)
    except schedule.SelectionError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    durations = schedule.load_durations(options.driver, options.durations) if options.durations else {}
    if shard:
        scenarios = schedule.shard(scenarios, durations, *shard)
    order = schedule.longest_first(scenarios, durations)
    jobs = max(1, min(jobs or 1, len(order)))
    batches = schedule.batches(scenarios, durations, jobs)
    jobs = min(jobs, len(batches))
    where = f"shard {shard[0]}/{shard[1]}: " if shard else ""
    print(f"{where}{len(order)} scenarios in {jobs} worker{'s' if jobs > 1 else ''}", flush=True)
    _clear_reports(config)
    evidence.clear(options.evidence_dir)  # Once for all: a worker clears nothing.
    clear_results(options.results)
    # Workers send their durations back; only this process keeps them.
    pool = Pool(jobs, [*without_own_options(argv), "-D", "durations=off"], stop_at_first_failure=config.stop)
    started = time.perf_counter()
    results = pool.run(deque(batches))
    elapsed = time.perf_counter() - started
    by_location = {schedule.location(s): s for s in scenarios}
    if options.durations and not shard:
        # The shards of one run must all read the same durations to stay disjoint: they leave the file alone.
        passed = {r["location"]: r["steps_s"] for r in results.values() if r["status"] == "passed"}
        schedule.save_durations(options.driver, passed, options.durations)
    if options.timings:
        write_timings(options.timings, elapsed, results)
    return print_summary(order, results, by_location, options, pool, elapsed)


def clear_worker_reports(config):
    """What the workers of an earlier run left: their logs, reports and JUnit files (a serial run clears them too)."""
    shutil.rmtree(workers_dir(), ignore_errors=True)
    if config.junit:
        for folder in Path(config.junit_directory).glob("w[0-9]*"):
            shutil.rmtree(folder, ignore_errors=True)


def _clear_reports(config):
    """Where this run's workers write, and the JUnit files of an earlier serial run beside theirs."""
    clear_worker_reports(config)
    if config.junit:
        for old in Path(config.junit_directory).glob("TESTS-*.xml"):
            old.unlink()


def _this_command():
    """How this process was started, up to its subcommand: `python manage.py`, or `python -m django`."""
    main = sys.modules["__main__"]
    spec = getattr(main, "__spec__", None)
    if spec is not None and spec.name:
        # python -m django: run as a module again, so that the folder it ran from is on sys.path.
        return [sys.executable, "-m", spec.name.removesuffix(".__main__")]
    return [sys.executable, sys.argv[0]]


class Worker:
    def __init__(self, number, argv):
        self.name = f"w{number}"
        self.pending = []  # The locations of its batch that it has not yet sent a result for, in order.
        self.ran = 0
        self.ready = False  # whether it ever asked for a batch (a worker that could not start never does)
        self.buffer = b""
        workers_dir().mkdir(parents=True, exist_ok=True)
        self.log_path = workers_dir() / f"{self.name}.log"
        read_end, write_end = os.pipe()
        env = {**os.environ, WORKER: self.name, RESULTS: str(write_end), "PYTHONUNBUFFERED": "1"}
        with open(self.log_path, "w") as log:
            self.process = subprocess.Popen(
                [*_this_command(), "behave", *argv],
                stdin=subprocess.PIPE,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                # The checkout's lock too: a worker left running by a parent that was killed
                # keeps the next run out until it has ended (one_run.py).
                pass_fds=(write_end, one_run.hold()),
                # A group of its own: the terminal's Ctrl-C reaches the parent only, which
                # stops each worker in order, and killing the group takes its browser too.
                start_new_session=True,
                text=True,
            )
        os.close(write_end)
        self.results = read_end

    def messages(self, chunk):
        self.buffer += chunk
        *lines, self.buffer = self.buffer.split(b"\n")
        return [json.loads(line) for line in lines if line.strip()]

    def hand(self, batch):
        """Give the worker its next batch of locations, or None to end it.

        A worker that is gone cannot take it: its pipe then ends, and the pool fails the
        scenarios it was handed with the worker's last words (Pool._ended).
        """
        self.pending = list(batch or [])
        try:
            if batch is None:
                self.process.stdin.close()
            else:
                self.process.stdin.write(json.dumps(batch) + "\n")
                self.process.stdin.flush()
        except (BrokenPipeError, ValueError, OSError):
            pass

    def how_it_ended(self):
        code = self.process.wait()
        if code < 0:
            return f"killed by {signal.Signals(-code).name}"
        return f"exited with status {code}"

    def stop(self):
        """Ask the worker to stop as if interrupted: it quits its browser and drops its database."""
        if self.process.poll() is None:
            try:
                os.kill(self.process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass

    def kill_group(self):
        """Whatever is left in the worker's group (a browser or driver of a worker that died)."""
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


class Pool:
    def __init__(self, jobs, argv, stop_at_first_failure=False):
        self.jobs, self.argv = jobs, argv
        self.stop_at_first_failure = stop_at_first_failure
        self.workers = []
        self.dots = 0
        self.interrupted = False

    def run(self, queue):
        """Hand out every batch of the queue; return {location: result}."""
        results = {}
        selector = selectors.DefaultSelector()
        try:
            for number in range(1, self.jobs + 1):
                worker = Worker(number, self.argv)
                self.workers.append(worker)
                selector.register(worker.results, selectors.EVENT_READ, worker)
            while selector.get_map():
                for key, _ in selector.select():
                    worker = key.data
                    chunk = os.read(worker.results, 65536)
                    if not chunk:
                        selector.unregister(worker.results)
                        os.close(worker.results)
                        self._ended(worker, results)
                        continue
                    for message in worker.messages(chunk):
                        if message["event"] == "ready":
                            worker.ready = True
                            # What it did not send a result for, it did not run (behave's --stop).
                            worker.hand(queue.popleft() if queue else None)
                        elif message["event"] == "done":
                            message["worker"] = worker.name
                            worker.ran += 1
                            results[message["location"]] = message
                            if message["location"] in worker.pending:
                                worker.pending.remove(message["location"])
                            explained = message.get("explained") or []
                            # U: the scenario has steps not yet written (each explained line names one).
                            undefined = explained and all(line.startswith("?") for line in explained)
                            self._progress("undefined" if undefined else message["status"])
                            self._explain(explained)
                            if self.stop_at_first_failure and message["status"] != "passed":
                                queue.clear()
        except KeyboardInterrupt:
            self.interrupted = True
            print("\nABORTED: By user. Stopping every worker.", flush=True)
        finally:
            # Interrupted, or this process failed: the workers must not wait for more scenarios.
            self._stop_all(urgent=self.interrupted or sys.exc_info()[0] is not None)
        return results

    def _ended(self, worker, results):
        how = worker.how_it_ended()
        worker.kill_group()
        if (worker.process.returncode not in (0, 1) or not worker.ready) and not self.interrupted:
            print(f"\nworker {worker.name} {how}: {_last_line(worker.log_path)}", file=sys.stderr, flush=True)
        # The first of its batch it had not finished is the one it was running.
        for n, location in enumerate(worker.pending):
            when = "while running this scenario" if n == 0 else "before it ran this scenario"
            results[location] = {
                "event": "done",
                "location": location,
                "status": "failed",
                "steps_s": 0.0,
                "error": f"worker {worker.name} {how} {when} (its log: {worker.log_path})",
                "worker": worker.name,
            }
            self._progress("failed")
        worker.pending = []

    def _explain(self, lines):
        # The lines a serial run prints under a failing scenario's letter (report/formatters.py).
        if lines:
            sys.stdout.write("\n" + "\n".join(f"  {line}" for line in lines) + "\n")
            self.dots = 0

    def _progress(self, status):
        sys.stdout.write(SYMBOLS.get(status, "?"))
        self.dots += 1
        if self.dots % 70 == 0:
            sys.stdout.write("\n")
        sys.stdout.flush()

    def _stop_all(self, urgent):
        """Stop every worker at once, wait for them to clean up, then kill what is left."""
        # Ctrl-C or SIGTERM again while stopping must not leave workers behind.
        handlers = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (signal.SIGINT, signal.SIGTERM)}
        for worker in self.workers:
            if urgent:
                worker.stop()
            else:
                worker.hand(None)
        deadline = time.monotonic() + GRACE_S
        for worker in self.workers:
            try:
                worker.process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
            worker.kill_group()
            worker.process.wait()
            if worker.process.stdin and not worker.process.stdin.closed:
                try:
                    worker.process.stdin.close()
                except OSError:
                    pass
        for worker in self.workers:
            _drop_test_database(worker.name)
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


def _drop_test_database(worker):
    """The test database of a worker that could not drop its own (it was killed)."""
    from django.conf import settings
    from django.db import connections

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        name = test_database_name(str(database.get("TEST", {}).get("NAME") or database["NAME"]), worker)
        for path in (Path(name), Path(name + "-journal"), Path(name + "-wal"), Path(name + "-shm")):
            path.unlink(missing_ok=True)
        return
    name = test_database_name(database.get("TEST", {}).get("NAME") or f"test_{database['NAME']}", worker)
    try:
        with connections["default"]._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {connections['default'].ops.quote_name(name)}")
    except Exception as error:  # The server is gone too: say so, do not hide the run's own result.
        print(f"Could not drop the test database {name} of worker {worker}: {error}", file=sys.stderr)


def _last_line(path):
    lines = [line for line in Path(path).read_text(errors="replace").splitlines() if line.strip()]
    return f"{lines[-1].strip()} (see {path})" if lines else f"see {path}"
