"""How long a run spent inside its steps and around them, for a benchmark (`-D timings=FILE`); what a trace costs.

Also each passed scenario's time, kept in the file of -D durations (reports/durations.json)
for the next parallel or sharded run to hand out the longest first. A parallel run's
workers are given `-D durations=off`: they send their times to the parent, which keeps them.
"""

import json
import time
from pathlib import Path

from django_acceptance.parallel import schedule


class Timer:
    def __init__(self, path, driver="client", durations=""):
        self.path = path
        self.durations_file = durations
        self.driver = driver
        self.started = time.perf_counter()
        self.in_steps = 0.0
        self.scenarios = 0
        self.durations = {}

    def step(self, step):
        self.in_steps += step.duration

    def scenario_done(self, scenario=None):
        self.scenarios += 1
        if scenario is not None and scenario.status.name == "passed":
            self.durations[schedule.location(scenario)] = scenario.duration

    def write(self):
        if self.durations_file:
            schedule.save_durations(self.driver, self.durations, self.durations_file)
        if self.path:
            figures = {
                "run_s": time.perf_counter() - self.started,
                "steps_s": self.in_steps,
                "scenarios": self.scenarios,
            }
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            Path(self.path).write_text(json.dumps(figures))


def run_seconds(arguments, manage="manage.py", python=None):
    """One run of `manage.py behave` with these arguments, in a process of its own: its time (its own figure)."""
    import subprocess
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        figures = Path(folder) / "timings.json"
        command = [python or sys.executable, manage, "behave", "--no-junit", "-f", "progress", *arguments]
        subprocess.run([*command, "-D", f"timings={figures}"], capture_output=True, check=False)
        if not figures.exists():
            raise RuntimeError(f"{' '.join(command)} wrote no timings: run it alone to see why.")
        return json.loads(figures.read_text())["run_s"]


def trace_overheads(driver, run=run_seconds, pairs=3, arguments=()):
    """The extra time of a run with a trace, as a fraction of the same run without (0.05 for 5%).

    For trace=failed and trace=all: `pairs` pairs, each a run with -D trace=off then one with the
    trace, in turns in one sitting, so that the machine's load falls on both alike; the median.
    Neither run writes the page (-D page=off): only the trace is measured. Returns
    {"trace_overhead_<driver>": ..., "trace_all_overhead_<driver>": ...}, the benchmark's keys.
    """
    import statistics

    base = [*arguments, "-D", f"driver={driver}", "-D", "page=off"]
    extra = {"failed": [], "all": []}
    for _ in range(pairs):
        for mode, found in extra.items():
            off = run([*base, "-D", "trace=off"])
            on = run([*base, "-D", f"trace={mode}"])
            found.append((on - off) / off)
    return {
        f"trace_overhead_{driver}": round(statistics.median(extra["failed"]), 4),
        f"trace_all_overhead_{driver}": round(statistics.median(extra["all"]), 4),
    }
