"""Counting WebDriver commands from inside a run, for the benchmarks.

`counted(path, args)` is `python manage.py *args` with Selenium's one place that sends
commands wrapped; `read(path)` gives, by command name, how many were sent and the
seconds spent in them, and `by_scenario(path)` how many each scenario sent (what is
sent outside any scenario, starting the browser say, goes under ""). A count is the
same on any machine; a time is not.
"""

import json
import sys

# Runs manage.py with Selenium's command sender wrapped: counts and seconds per command
# and counts per scenario (behave's Scenario.run wrapped too), written at exit.
COUNTING = """
import atexit, json, runpy, sys, time
from behave.model import Scenario
from selenium.webdriver.remote.remote_connection import RemoteConnection
counts, scenarios, current = {}, {}, [""]
send, run = RemoteConnection.execute, Scenario.run
def execute(self, command, params):
    started = time.perf_counter()
    try:
        return send(self, command, params)
    finally:
        n, s = counts.get(command, (0, 0.0))
        counts[command] = (n + 1, s + time.perf_counter() - started)
        scenarios[current[0]] = scenarios.get(current[0], 0) + 1
def run_scenario(self, runner):
    current[0] = f"{self.location.filename}:{self.location.line} {self.name}"
    try:
        return run(self, runner)
    finally:
        current[0] = ""
RemoteConnection.execute, Scenario.run = execute, run_scenario
path, sys.argv = sys.argv[1], sys.argv[2:]
atexit.register(lambda: open(path, "w").write(json.dumps({"commands": counts, "scenarios": scenarios})))
runpy.run_path("manage.py", run_name="__main__")
"""


def counted(path, manage_args):
    """The command that runs `manage.py *manage_args` and writes its WebDriver commands to `path`."""
    return [sys.executable, "-c", COUNTING, str(path), "manage.py", *manage_args]


def read(path):
    """{command name: [count, seconds]}, most frequent first."""
    counts = json.loads(open(path).read())["commands"]
    return dict(sorted(counts.items(), key=lambda item: (-item[1][0], item[0])))


def by_scenario(path):
    """{scenario ("file:line name"): commands sent while it ran}, most first."""
    counts = json.loads(open(path).read())["scenarios"]
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
