"""How long a run spent inside its steps and around them, for scripts/bench.py (`-D timings=FILE`)."""

import json
import time
from pathlib import Path


class Timer:
    def __init__(self, path):
        self.path = path
        self.started = time.perf_counter()
        self.in_steps = 0.0
        self.scenarios = 0

    def step(self, step):
        self.in_steps += step.duration

    def scenario_done(self):
        self.scenarios += 1

    def write(self):
        if self.path:
            figures = {
                "run_s": time.perf_counter() - self.started,
                "steps_s": self.in_steps,
                "scenarios": self.scenarios,
            }
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            Path(self.path).write_text(json.dumps(figures))
