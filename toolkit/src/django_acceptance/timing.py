"""How long a run spent inside its steps and around them, for a benchmark (`-D timings=FILE`).

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
