"""Parallel runs (--parallel N) and shards (--shard I/N): starting, feeding, watching and stopping workers.

The parent process selects the scenarios as behave would (scheduling.py decides the
order and the shard) and hands them out one at a time, longest first, to whichever
worker is free. Each worker is `manage.py behave` with the run's own arguments, an
ordinary run with its own test database, live server and browser (worker.py); it
sends back one plain result per scenario, and only this process prints: the progress
dots, one summary and one exit status. Each worker's output is in
reports/workers/wN.log, its JUnit files in <junit directory>/wN/; the report's results
of every worker go to the run's one results folder.

Each worker leads a process group of its own, which holds its browser and driver:
Ctrl-C or SIGTERM stops every worker at once, and a worker that dies takes nothing
with it but its current scenario, which fails with one line that says so.
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

from acceptance import evidence, scheduling
from acceptance.results import clear as clear_results
from acceptance.worker import RESULTS, WORKER, WORKERS_DIR, test_database_name

# Seconds a stopped worker has to quit its browser and drop its database before it is killed.
GRACE_S = 15
SYMBOLS = {"passed": ".", "failed": "F", "error": "E", "hook_error": "H", "skipped": "S", "untested": "U"}


class UsageError(Exception):
    """A wrong --parallel or --shard; the message says what is allowed."""


def cores():
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def parse_jobs(text):
    """--parallel N|auto as a number of workers; None when not given."""
    if text is None:
        return None
    text = str(text).strip().lower()
    if text == "auto":
        return cores()
    if not text.isdigit() or int(text) < 1:
        raise UsageError(
            f"--parallel {text}: give a number of workers from 1 up, or auto (one a core: {cores()} here)."
        )
    return int(text)


def parse_shard(text):
    """--shard I/N as (I, N); None when not given."""
    if text is None:
        return None
    index, _, count = str(text).strip().partition("/")
    if not (index.isdigit() and count.isdigit() and 1 <= int(index) <= int(count)):
        raise UsageError(f"--shard {text}: give I/N with 1 <= I <= N, such as --shard 1/2 and --shard 2/2.")
    return int(index), int(count)


def without_own_options(argv):
    """The command's arguments less --parallel/--jobs/-j and --shard, which workers must not see."""
    args, skip = [], False
    for arg in argv:
        if skip:
            skip = False
            continue
        name = arg.split("=", 1)[0]
        if name in ("-j", "--jobs", "--parallel", "--shard"):
            skip = "=" not in arg
            continue
        if arg.startswith("-j") and arg[2:].isdigit():
            continue
        args.append(arg)
    return args


def run(config, options, argv, jobs, shard):
    """The whole parallel or sharded run; returns its exit status."""
    try:
        scenarios = scheduling.select(config)
    except scheduling.SelectionError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    durations = scheduling.load_durations(options.driver)
    if shard:
        scenarios = scheduling.shard(scenarios, durations, *shard)
    order = scheduling.longest_first(scenarios, durations)
    jobs = max(1, min(jobs or 1, len(order)))
    where = f"shard {shard[0]}/{shard[1]}: " if shard else ""
    print(f"{where}{len(order)} scenarios in {jobs} worker{'s' if jobs > 1 else ''}", flush=True)
    _clear_reports(config)
    evidence.clear(options.evidence_dir)  # Once for all: a worker clears nothing.
    clear_results(options.results)
    pool = Pool(jobs, without_own_options(argv), stop_at_first_failure=config.stop)
    started = time.perf_counter()
    results = pool.run(deque(order))
    elapsed = time.perf_counter() - started
    by_location = {scheduling.location(s): s for s in scenarios}
    if not shard:
        # The shards of one run must all read the same durations to stay disjoint: they leave the file alone.
        scheduling.save_durations(
            options.driver, {r["location"]: r["steps_s"] for r in results.values() if r["status"] == "passed"}
        )
    if options.timings:
        _write_timings(options.timings, elapsed, results)
    return _summary(order, results, by_location, options, pool, elapsed)


def clear_worker_reports(config):
    """What the workers of an earlier run left: their logs, reports and JUnit files (a serial run clears them too)."""
    shutil.rmtree(WORKERS_DIR, ignore_errors=True)
    if config.junit:
        for folder in Path(config.junit_directory).glob("w[0-9]*"):
            shutil.rmtree(folder, ignore_errors=True)


def _clear_reports(config):
    """Where this run's workers write, and the JUnit files of an earlier serial run beside theirs."""
    clear_worker_reports(config)
    if config.junit:
        for old in Path(config.junit_directory).glob("TESTS-*.xml"):
            old.unlink()


class Worker:
    def __init__(self, number, argv):
        self.name = f"w{number}"
        self.current = None
        self.ran = 0
        self.buffer = b""
        WORKERS_DIR.mkdir(parents=True, exist_ok=True)
        self.log_path = WORKERS_DIR / f"{self.name}.log"
        read_end, write_end = os.pipe()
        env = {**os.environ, WORKER: self.name, RESULTS: str(write_end), "PYTHONUNBUFFERED": "1"}
        with open(self.log_path, "w") as log:
            self.process = subprocess.Popen(
                [sys.executable, sys.argv[0], "behave", *argv],
                stdin=subprocess.PIPE,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                pass_fds=(write_end,),
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

    def hand(self, location):
        """Give the worker its next scenario, or None to end it; False if it is gone."""
        self.current = location
        try:
            if location is None:
                self.process.stdin.close()
            else:
                self.process.stdin.write(location + "\n")
                self.process.stdin.flush()
        except (BrokenPipeError, ValueError, OSError):
            return False
        return True

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
        """Hand out every location of the queue; return {location: result}."""
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
                        if message["event"] == "done":
                            message["worker"] = worker.name
                            worker.ran += 1
                            results[message["location"]] = message
                            self._progress(message["status"])
                            if self.stop_at_first_failure and message["status"] != "passed":
                                queue.clear()
                        worker.hand(queue.popleft() if queue else None)
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
        if worker.process.returncode not in (0, 1) and not self.interrupted:
            print(f"\nworker {worker.name} {how}: {_last_line(worker.log_path)}", file=sys.stderr, flush=True)
        if worker.current is not None:
            results[worker.current] = {
                "event": "done",
                "location": worker.current,
                "status": "failed",
                "steps_s": 0.0,
                "error": f"worker {worker.name} {how} while running this scenario (its log: {worker.log_path})",
                "worker": worker.name,
            }
            self._progress("failed")
            worker.current = None

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


def _summary(order, results, by_location, options, pool, elapsed):
    counts = {"passed": 0, "failed": 0, "skipped": 0, "not run": 0}
    failing = []
    for location in order:
        result = results.get(location)
        if result is None:
            counts["not run"] += 1
        elif result["status"] == "passed":
            counts["passed"] += 1
        elif result["status"] == "skipped":
            counts["skipped"] += 1
        else:
            counts["failed"] += 1
            failing.append(result)
    print()
    if failing:
        print("\nFailing scenarios:")
        for result in failing:
            scenario = by_location.get(result["location"])
            name = f"  {scenario.name}" if scenario is not None else ""
            print(f"  {result['location']}{name}  ({result.get('worker', '?')})")
            print(f"    {result['error']}")
            folder = evidence.folder_for(options.evidence_dir, scenario) if scenario is not None else None
            if folder is not None and folder.exists():
                print(f"    Evidence: {folder}/")
    ran = ", ".join(f"{w.name} {w.ran}" for w in pool.workers)
    not_run = f", {counts['not run']} not run" if counts["not run"] else ""
    print(
        f"\n{counts['passed']} scenarios passed, {counts['failed']} failed, {counts['skipped']} skipped{not_run}"
        f" ({ran}; logs in {WORKERS_DIR}/)"
    )
    print(f"Took {elapsed:.1f} s")
    return 1 if pool.interrupted or counts["failed"] or counts["not run"] else 0


def _write_timings(path, elapsed, results):
    figures = {
        "run_s": elapsed,
        "steps_s": sum(r.get("steps_s", 0.0) for r in results.values() if isinstance(r, dict)),
        "scenarios": sum(1 for r in results.values() if r.get("event") == "done"),
    }
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(figures))
