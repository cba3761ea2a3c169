"""Counting WebDriver commands from inside a run, for the benchmarks.

`counted(path, args)` is `python manage.py *args` with Selenium's one place that sends
commands wrapped; `read(path)` gives, by command name, how many were sent and the
seconds spent in them, and `by_scenario(path)` how many each scenario sent (what is
sent outside any scenario, starting the browser say, goes under ""). A count is the
same on any machine; a time is not.

`by_source(path)` says where they come from: each command under the browser-side
script it ran (js/<name>.js of the toolkit's drivers), whether the page answered that it
was not ready yet (a read asked again), and the line of the toolkit that sent it.
Chromium's DevTools commands (cookies) and BiDi's go through the same sender, so they count.

Run it alone to count one browser run: `python scripts/webdriver_counts.py [manage.py behave arguments]`.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

# Runs manage.py with Selenium's command sender wrapped: counts and seconds per command,
# counts per scenario (behave's Scenario.run wrapped too) and per source, written at exit.
COUNTING = """
import atexit, importlib.util, json, os, runpy, sys, time
from behave.model import Scenario
from selenium.webdriver.remote.remote_connection import RemoteConnection
counts, scenarios, sources, current, scripts = {}, {}, {}, [""], []
send, run = RemoteConnection.execute, Scenario.run
def script_name(source):
    if not scripts:
        package = importlib.util.find_spec("django_acceptance").submodule_search_locations[0]
        folder = os.path.join(package, "drivers", "js")
        for name in sorted(os.listdir(folder)):
            if name not in ("prelude.js", "gate.js"):
                scripts.append((name[:-3], open(os.path.join(folder, name), encoding="utf-8").read()))
    return next((name for name, text in scripts if text and text in source), "another script")
PLUMBING = {"_gated", "read", "_seen", "<lambda>", "until", "_waiter", "guarded"}
def caller():
    frame, toolkit, project = sys._getframe(2), None, None
    while frame is not None and project is None:
        path, function = frame.f_code.co_filename, frame.f_code.co_name
        if toolkit is None and "django_acceptance" in path and function not in PLUMBING:
            toolkit = path.split("django_acceptance" + os.sep, 1)[1] + ":" + str(frame.f_lineno) + " " + function
        elif toolkit is not None and (os.sep + "features" + os.sep in path or path.startswith("features" + os.sep)):
            project = "features" + path.split("features", 1)[1] + ":" + str(frame.f_lineno)
        frame = frame.f_back
    return (toolkit or "elsewhere") + (" <- " + project if project else "")
def execute(self, command, params):
    started = time.perf_counter()
    answer = None
    try:
        answer = send(self, command, params)
        return answer
    finally:
        n, s = counts.get(command, (0, 0.0))
        counts[command] = (n + 1, s + time.perf_counter() - started)
        scenarios[current[0]] = scenarios.get(current[0], 0) + 1
        what = command
        if isinstance((params or {}).get("script"), str):
            what += " " + script_name(params["script"])
            value = (answer or {}).get("value")
            if isinstance(value, dict) and value.get("pending"):
                what += " (not ready: asked again)"
        key = what + " <- " + caller()
        sources[key] = sources.get(key, 0) + 1
def run_scenario(self, runner):
    current[0] = f"{self.location.filename}:{self.location.line} {self.name}"
    try:
        return run(self, runner)
    finally:
        current[0] = ""
RemoteConnection.execute, Scenario.run = execute, run_scenario
try:  # BiDi's commands (Firefox's console messages) go over a WebSocket of their own: they count too.
    from selenium.webdriver.remote.websocket_connection import WebSocketConnection
    serialize = WebSocketConnection._serialize_command
    def bidi(self, command):
        payload = serialize(self, command)
        name = "bidi " + str(payload.get("method", "?"))
        counts[name] = (counts.get(name, (0, 0.0))[0] + 1, 0.0)
        scenarios[current[0]] = scenarios.get(current[0], 0) + 1
        key = name + " <- " + caller()
        sources[key] = sources.get(key, 0) + 1
        return payload
    WebSocketConnection._serialize_command = bidi
except (ImportError, AttributeError):
    pass
path, sys.argv = sys.argv[1], sys.argv[2:]
written = {"commands": counts, "scenarios": scenarios, "sources": sources}
atexit.register(lambda: open(path, "w").write(json.dumps(written)))
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


def by_source(path):
    """{"command [script] [(not ready: asked again)] <- toolkit file:line": count}, most first."""
    counts = json.loads(open(path).read()).get("sources", {})
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def main():
    """Count one browser run (every feature, or what the arguments select) and print where the commands come from."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "counts.json"
        args = ["behave", "-f", "null", "--no-junit", "-D", "driver=browser", *sys.argv[1:]]
        done = subprocess.run(counted(path, args), cwd=Path(__file__).resolve().parent.parent)
        if done.returncode:
            sys.exit(f"webdriver_counts: manage.py {' '.join(args)} failed (status {done.returncode}).")
        scenarios = by_scenario(path)
        ran = len([name for name in scenarios if name])
        total = sum(n for n, _ in read(path).values())
        print(f"\n{total} WebDriver commands, {ran} scenarios sent any, {total / max(ran, 1):.2f} a scenario")
        for name, (n, seconds) in read(path).items():
            print(f"  {n:>6}  {name}  ({seconds:.1f} s)")
        print("where from:")
        for source, n in by_source(path).items():
            print(f"  {n:>6}  {source}")


if __name__ == "__main__":
    main()
