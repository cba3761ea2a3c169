#!/usr/bin/env python3
"""How fast the suite is, against what a team would otherwise use. Prints a table, writes reports/bench.json.

In one run, interleaved, several rounds of each (medians reported):
  client   the client run of every feature not tagged @browser, with the project's runner
  stock    the same features and steps under behave-django's stock runner
           (a live server and a database flush for every scenario)
  plain    the seed's Django TestCase examples as plain Django tests...
  same     ...and the scenarios that cover the same workflows, in client mode
  browser  every feature in the browser, with the project's settings
  naive    every feature in the browser as a plain suite would run it: a new browser
           and behave-django's live server for every scenario, signing in through the form
  startup  `manage.py behave` with nothing selected

Whole commands are timed (what a developer waits for) and, for behave, also the run
itself from its first hook to its last (what the suite spends, without Python's and
Django's start-up). Ratios are taken within this one run, so a noisy machine affects
both sides alike.
"""

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
STOCK = ["--runner", "behave_django.runner:BehaviorDrivenTestRunner"]
# The scenarios that walk through the seed examples' workflows.
SAME_WORKFLOWS = [
    "An editor publishes a draft and readers can read it",  # test_complete_article_lifecycle
    "An author publishes her own article straight away",  # test_create_and_view_article
    "A reader's comment appears under the article with her name",  # test_comment_flow
    "Nina registers and is welcomed",  # test_registration_sends_welcome_email
    "Rita resets her password and signs in with the new one",  # test_password_reset_flow
]


def behave(*args):
    with tempfile.TemporaryDirectory() as folder:
        timings = Path(folder) / "timings.json"
        command = [PY, "manage.py", "behave", "-f", "null", "--no-junit", "-D", f"timings={timings}", *args]
        started = time.perf_counter()
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        wall = time.perf_counter() - started
        if result.returncode:
            sys.exit(f"bench: {' '.join(command[1:])} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
        figures = json.loads(timings.read_text())
    return {"wall_s": wall, **figures}


def django_tests(label):
    started = time.perf_counter()
    result = subprocess.run([PY, "manage.py", "test", label], cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    ran = re.search(r"Ran (\d+) tests? in ([\d.]+)s", result.stderr)
    if result.returncode or not ran:
        sys.exit(f"bench: manage.py test {label} failed:\n{result.stderr[-2000:]}")
    return {"wall_s": wall, "run_s": float(ran.group(2)), "scenarios": int(ran.group(1))}


CASES = {
    "client": lambda: behave("--tags=not @browser"),
    "stock": lambda: behave("--tags=not @browser", *STOCK),
    "plain": lambda: django_tests("articles.tests.test_seed_examples"),
    "same": lambda: behave(*[arg for name in SAME_WORKFLOWS for arg in ("-n", re.escape(name))]),
    "browser": lambda: behave("-D", "driver=browser"),
    "naive": lambda: behave("-D", "driver=browser", "-D", "naive=true", *STOCK),
    "startup": lambda: behave("--tags=@nothing-selected"),
}


def median(samples, key):
    return statistics.median(sample[key] for sample in samples)


def overhead_ms(samples):
    return statistics.median((s["run_s"] - s["steps_s"]) / s["scenarios"] * 1000 for s in samples if s["scenarios"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds of each case (default 3)")
    parser.add_argument("--output", default=str(ROOT / "reports" / "bench.json"))
    parser.add_argument("--no-parallel", action="store_true", help="leave out the parallel cases (bench_parallel.py)")
    args = parser.parse_args()

    samples = {name: [] for name in CASES}
    for round_number in range(1, args.rounds + 1):
        for name, case in CASES.items():
            print(f"round {round_number}/{args.rounds}: {name} ...", end=" ", flush=True)
            samples[name].append(case())
            print(f"{samples[name][-1]['wall_s']:.2f} s", flush=True)

    m = {name: {key: median(s, key) for key in ("wall_s", "run_s")} for name, s in samples.items()}
    scenarios = {name: s[0]["scenarios"] for name, s in samples.items()}
    figures = {
        "date": time.strftime("%Y-%m-%d"),
        "cores": os.cpu_count(),
        "rounds": args.rounds,
        "versions": {
            "python": platform.python_version(),
            **{p: version(p) for p in ("django", "behave", "behave-django", "selenium")},
            "chromium": _chromium_version(),
        },
        "stock_over_client": m["stock"]["wall_s"] / m["client"]["wall_s"],
        "stock_over_client_run": m["stock"]["run_s"] / m["client"]["run_s"],
        "client_over_plain": m["same"]["wall_s"] / m["plain"]["wall_s"],
        "client_over_plain_run": m["same"]["run_s"] / m["plain"]["run_s"],
        "client_overhead_ms": overhead_ms(samples["client"]),
        "browser_overhead_ms": overhead_ms(samples["browser"]),
        "naive_over_browser": m["naive"]["wall_s"] / m["browser"]["wall_s"],
        "naive_over_browser_run": m["naive"]["run_s"] / m["browser"]["run_s"],
        "startup_s": m["startup"]["wall_s"],
        "medians": m,
        "scenarios": scenarios,
    }
    if not args.no_parallel:
        # Serial against two workers, client, browser and Grid: scripts/bench_parallel.py.
        import bench_parallel

        parallel = bench_parallel.measure(args.rounds)
        keys = ("client_parallel_speedup", "browser_parallel_speedup", "grid_parallel_speedup")
        figures.update({key: parallel[key] for key in keys}, parallel=parallel)
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(figures, indent=2) + "\n")
    _print(figures)
    if "parallel" in figures:
        bench_parallel.print_figures(figures["parallel"])


def _chromium_version():
    try:
        return subprocess.run(["chromium", "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "not installed"


def _print(f):
    m, n = f["medians"], f["scenarios"]
    v = f["versions"]
    print(f"\n{f['date']}, {f['cores']} cores, medians of {f['rounds']} rounds")
    print(", ".join(f"{k} {val}" for k, val in v.items()))
    print(f"\n{'case':<9}{'items':>6}{'command s':>11}{'run s':>9}")
    for name in ("client", "stock", "plain", "same", "browser", "naive", "startup"):
        print(f"{name:<9}{n[name]:>6}{m[name]['wall_s']:>11.2f}{m[name]['run_s']:>9.2f}")
    print("\nratio                         command   run   target")
    rows = [
        ("stock / client", "stock_over_client", "≥ 10"),
        ("client / plain Django tests", "client_over_plain", "≤ 1.3"),
        ("naive browser / browser", "naive_over_browser", "≥ 3"),
    ]
    for label, key, target in rows:
        print(f"{label:<30}{f[key]:>7.2f}{f[key + '_run']:>7.2f}   {target}")
    print(
        f"\nframework overhead per scenario: client {f['client_overhead_ms']:.1f} ms (target ≤ 5), "
        f"browser {f['browser_overhead_ms']:.1f} ms (target ≤ 50)"
    )
    print(f"start-up with nothing selected: {f['startup_s']:.2f} s")


if __name__ == "__main__":
    main()
