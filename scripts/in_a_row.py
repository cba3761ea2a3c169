#!/usr/bin/env python3
"""Run the suite the same way several times in a row: is its verdict the site's alone?

    python scripts/in_a_row.py 10 -- -D driver=browser -D browser=webkit
    python scripts/in_a_row.py 10 --command "scripts/grid.py run --nodes 2 --sessions 2 -- {behave} --parallel 2"

Each run is `python manage.py behave` with the arguments after `--` (or the whole
--command, where {behave} stands for that), without retries. After each run it lists
the processes the run left behind (browsers, their drivers, virtual displays, Grid
nodes, PostgreSQL servers): a run must stop everything it started. One line a run, then
how many passed, and reports/in_a_row.json with each run's seconds, failing scenarios
and leftovers. A failed run's output, evidence and worker logs are kept in
reports/in_a_row/run-N/ (the next run would write over them), cleared when a series starts.
"""

import argparse
import json
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from django_acceptance.options import Options  # noqa: E402
from django_acceptance.parallel.worker import workers_dir  # noqa: E402

KEPT = ROOT / "reports" / "in_a_row"
PY = sys.executable
BEHAVE = f"{shlex.quote(PY)} manage.py behave"
# What a run starts and must stop again, by the name of the program.
STARTED = re.compile(
    r"chromedriver|chrome|chromium|geckodriver|firefox|WebKitWebDriver|MiniBrowser|WebKitWebProcess|Xvfb|java|postgres"
)
FAILING = re.compile(r"^\s+(features/\S+:\d+)\s+(.*)$", re.M)


def processes():
    """pid -> command of every process now running whose program a run may start."""
    found = {}
    for status in Path("/proc").glob("[0-9]*/comm"):
        try:
            name = status.read_text().strip()
        except OSError:
            continue  # it ended while being read
        if STARTED.search(name):
            found[int(status.parent.name)] = name
    return found


def run_once(command):
    before = processes()
    started = time.perf_counter()
    run = subprocess.run(command, shell=True, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    time.sleep(2)  # a browser's helpers end a moment after it quits
    left = {pid: name for pid, name in processes().items() if pid not in before}
    summary = [line for line in run.stdout.splitlines() if re.match(r"\d+ scenarios? passed", line)]
    tail = run.stdout.split("Failing scenarios:", 1)[-1] if "Failing scenarios:" in run.stdout else ""
    output = run.stdout + run.stderr
    return output, {
        "status": run.returncode,
        "seconds": round(seconds, 1),
        "scenarios": summary[-1] if summary else (output.strip().splitlines() or [""])[-1],
        "failing": [f"{where} {name}" for where, name in FAILING.findall(tail)],
        "left_running": sorted(set(left.values())),
    }


def keep(number, output):
    """The failed run's output and what it wrote about why, in reports/in_a_row/run-N (relative to the checkout)."""
    folder = KEPT / f"run-{number}"
    folder.mkdir(parents=True)
    (folder / "output.log").write_text(output)
    # What a run writes that says why it failed: the failures' evidence and the workers' logs.
    for written in (Path(Options.evidence_dir), workers_dir()):
        if (ROOT / written).is_dir():
            shutil.copytree(ROOT / written, folder / written.name)
    return str(folder.relative_to(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("times", type=int, help="how many runs in a row")
    parser.add_argument("--command", help="the whole command of a run; {behave} is python manage.py behave")
    parser.add_argument("--out", default="reports/in_a_row.json", help="where the runs are recorded")
    parser.add_argument("arguments", nargs="*", help="after --: arguments of manage.py behave")
    own, dashes, behave_args = sys.argv[1:], [], []
    if "--" in own:
        at = own.index("--")
        own, dashes, behave_args = own[:at], ["--"], own[at + 1 :]
    args = parser.parse_args(own)
    args.arguments += behave_args if dashes else []
    if args.times < 1:
        parser.error("times: run at least once")
    base = args.command.replace("{behave}", BEHAVE) if args.command else f"{BEHAVE} {shlex.join(args.arguments)}"
    command = f"{base} -f progress --no-junit -D retries=0"
    print(f"{args.times} runs of: {command}", flush=True)
    # A folder kept by an earlier series would pass for this one's.
    shutil.rmtree(KEPT, ignore_errors=True)
    runs = []
    for number in range(1, args.times + 1):
        output, result = run_once(command)
        runs.append(result)
        verdict = "passed" if result["status"] == 0 else f"FAILED (status {result['status']})"
        print(f"  run {number}: {verdict} in {result['seconds']} s; {result['scenarios']}", flush=True)
        if result["status"] == 2:
            # behave's own "wrong option" status: every run would say the same.
            print(f"The run stopped at its arguments: {result['scenarios']}")
            return 2
        for failing in result["failing"]:
            print(f"      {failing}", flush=True)
        if result["status"] != 0:
            result["kept"] = keep(number, output)
            print(f"      output and evidence kept in {result['kept']}/", flush=True)
        if result["left_running"]:
            print(f"      left running: {', '.join(result['left_running'])}", flush=True)
    passed = sum(1 for r in runs if r["status"] == 0)
    clean = sum(1 for r in runs if not r["left_running"])
    out = ROOT / args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"command": command, "runs": runs}, indent=2) + "\n")
    print(
        f"{passed} of {len(runs)} runs passed, {clean} of {len(runs)} left nothing running; "
        f"median {statistics.median(r['seconds'] for r in runs):.1f} s a run; {out}"
    )
    return 0 if passed == len(runs) and clean == len(runs) else 1


if __name__ == "__main__":
    sys.exit(main())
