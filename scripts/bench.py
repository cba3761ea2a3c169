#!/usr/bin/env python3
"""How fast the suite is, against what a team would otherwise use. Prints a table, writes reports/bench.json.

In one run, interleaved, several rounds of each (medians reported; the naive run once):
  client   the client run of every feature not tagged @browser, with the project's runner
  stock    the same features and steps under behave-django's stock runner
           (a live server and a database flush for every scenario)
  plain    the seed's Django TestCase examples as plain Django tests...
  same     ...and the scenarios that cover the same workflows, in client mode
  replay   ...and the exact requests those scenarios make (written down by a run before
           the rounds, -D record=FILE), sent again through a plain Django test client
  browser  every feature in the browser, with the project's settings
  naive    every feature in the browser as a plain suite would run it: a new browser
           and behave-django's live server for every scenario, signing in through the form,
           waiting for the site after each step; not the @budget scenarios, whose When would
           count that sign-in (naive_over_browser compares a scenario's time)
  startup  `manage.py behave` with nothing selected: what it takes to be told so (status 2)
  changed  `--changed` by mutants: each mutant of `make mutants` as a change, the scenarios
           it selects, and whether they still kill it (scripts/bench_changed.py)
  scale    the suite at 10 and 30 times its size: cost per scenario, memory, workers,
           shards, the report (scripts/bench_scale.py)
  engines  every feature once in Chromium, Firefox and WebKit, its WebDriver commands
           counted: what each engine costs (`make firefox webkit` installs them)

The browser run also counts its WebDriver commands, by name and per scenario: what a
browser run costs, the same on any machine (`--only browser` runs that case alone).

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
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

import bench_scenarios
import bench_targets
import webdriver_counts

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


def behave(*args, count=False, selects_nothing=False):
    """One run of `manage.py behave`; with `count`, its WebDriver commands too.

    `selects_nothing`: the run is expected to stop at its selection check, with status 2 and no timings.
    """
    with tempfile.TemporaryDirectory() as folder:
        timings, counts = Path(folder) / "timings.json", Path(folder) / "counts.json"
        # No trace and no page unless a case asks for them: each figure times the same work as before them.
        quiet = [arg for name in ("trace", "page") if not _names(args, name) for arg in ("-D", f"{name}=off")]
        manage = ["behave", "-f", "null", "--no-junit", "-D", f"timings={timings}", *quiet, *args]
        command = webdriver_counts.counted(counts, manage) if count else [PY, "manage.py", *manage]
        started, cpu = time.perf_counter(), _children_cpu_s()
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        wall, cpu = time.perf_counter() - started, _children_cpu_s() - cpu
        if result.returncode != (2 if selects_nothing else 0):
            sys.exit(f"bench: manage.py {' '.join(manage)} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
        if selects_nothing:
            return {"wall_s": wall, "cpu_s": cpu}
        figures = {"wall_s": wall, "cpu_s": cpu, **json.loads(timings.read_text())}
        if count:
            figures["commands"] = webdriver_counts.read(counts)
            figures["commands_by_scenario"] = webdriver_counts.by_scenario(counts)
            figures["commands_by_source"] = webdriver_counts.by_source(counts)
    return figures


def _names(args, option):
    """Whether behave's arguments set the run option `option` (-D option=...)."""
    return any(arg.startswith(f"{option}=") for arg in args)


def trace_overheads():
    """What a trace costs the client run and the browser run: the toolkit's measure, through this script's runs."""
    from django_acceptance.timing import trace_overheads as measure

    def run(arguments):
        return behave(*arguments)["run_s"]

    # The browser's pairs run the scenarios only a browser runs (@browser, some fifty): twelve runs
    # of the whole browser suite would take twenty minutes of the benchmark's seventy-five.
    client = measure("client", run=run, arguments=["--tags=not @browser"])
    return {**client, **measure("browser", run=run, arguments=["--tags=@browser"])}


def django_tests(label, env=None):
    started, cpu = time.perf_counter(), _children_cpu_s()
    command = [PY, "manage.py", "test", label]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env={**os.environ, **(env or {})})
    wall, cpu = time.perf_counter() - started, _children_cpu_s() - cpu
    ran = re.search(r"Ran (\d+) tests? in ([\d.]+)s", result.stderr)
    if result.returncode or not ran:
        sys.exit(f"bench: manage.py test {label} failed:\n{result.stderr[-2000:]}")
    return {"wall_s": wall, "cpu_s": cpu, "run_s": float(ran.group(2)), "scenarios": int(ran.group(1))}


def _children_cpu_s():
    """CPU seconds (user and system) of every finished child and what it waited for: the browser, its driver.

    On a machine shared with other work, wall time says how busy the machine was as much as
    what a run costs; CPU time says what it costs.
    """
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


SAME = []  # behave's arguments that select SAME_WORKFLOWS, once checked (main)
# The requests of the `same` scenarios, written down once before the rounds (see main).
RECORDING = Path(tempfile.gettempdir()) / f"bench-requests-{os.getpid()}.json"

CASES = {
    "client": lambda: behave("--tags=not @browser"),
    "stock": lambda: behave("--tags=not @browser", *STOCK),
    "plain": lambda: django_tests("articles.tests.test_seed_examples"),
    "same": lambda: behave(*SAME),
    "replay": lambda: django_tests("bench.replay", env={"REPLAY": str(RECORDING)}),
    "browser": lambda: behave("-D", "driver=browser", count=True),
    # Not the @budget scenarios: a plain suite signs in through the form, which their When would count.
    "naive": lambda: behave("-D", "driver=browser", "-D", "naive=true", "--tags=not @budget", *STOCK),
    "startup": lambda: behave("--tags=@nothing-selected", selects_nothing=True),
}
# Timed in the first round only: the naive run is a third of the benchmark's time, and its two
# rounds of 2026-12-07 differed by 1.3% (344.7 and 340.3 s), against a target met or missed by more.
FIRST_ROUND_ONLY = {"naive"}
# A whole benchmark tries every other mutant for --changed (196 of 392; `--only changed` tries
# them all): the kill ratio over all 392 and over every other one are in docs/benchmarks.md.
CHANGED_EVERY = 2


# Each ratio: its key in bench.json, the two cases it compares, how it reads, its target.
RATIOS = [
    ("stock_over_client", "stock", "client", "stock / client", "≥ 10"),
    (
        "client_over_plain",
        "same",
        "plain",
        "client / seed's Django tests",
        "none (unlike work, see docs/benchmarks.md)",
    ),
    ("client_over_replay", "same", "replay", "client / the same requests", "≤ 1.15"),
    ("naive_over_browser", "naive", "browser", "naive browser / browser", "≥ 4"),
]
COMMANDS_TARGET = bench_targets.TARGETS["webdriver_commands_per_scenario"][1]
# Cases of their own scripts, run after the others.
OWN_SCRIPTS = ("changed", "scale", "engines", "trace")
ENGINES = ("chromium", "firefox", "webkit")
# The keys each script writes into bench.json: those bench_targets.py expects of it.
CHANGED_KEYS = bench_targets.KEYS["changed (scripts/bench_changed.py)"]
SCALE_KEYS = bench_targets.KEYS["scale (scripts/bench_scale.py)"]


def median(samples, key):
    return statistics.median(sample[key] for sample in samples)


def overhead_ms(samples):
    return statistics.median((s["run_s"] - s["steps_s"]) / s["scenarios"] * 1000 for s in samples if s["scenarios"])


def commands(samples):
    """The WebDriver commands of the browser run: the same in every round, save a rare retry; the median."""
    names = {name for sample in samples for name in sample["commands"]}
    by_name = {name: statistics.median(s["commands"].get(name, (0, 0.0))[0] for s in samples) for name in names}
    total = statistics.median(sum(n for n, _ in s["commands"].values()) for s in samples)
    scenarios = samples[0]["scenarios"]
    return {
        "webdriver_commands": total,
        "webdriver_commands_per_scenario": total / scenarios,
        "webdriver_commands_by_name": dict(sorted(by_name.items(), key=lambda item: (-item[1], item[0]))),
        "webdriver_commands_by_scenario": samples[0]["commands_by_scenario"],
        # Each under its browser-side script and the toolkit's line that sent it (webdriver_counts.by_source).
        "webdriver_commands_by_source": samples[0]["commands_by_source"],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds of each case (default 3)")
    parser.add_argument(
        "--only",
        action="append",
        choices=[*CASES, *OWN_SCRIPTS],
        metavar="CASE",
        help=f"run only this case (repeat for several): {', '.join([*CASES, *OWN_SCRIPTS])}",
    )
    parser.add_argument("--output", default=str(ROOT / "reports" / "bench.json"))
    parser.add_argument("--no-parallel", action="store_true", help="leave out the parallel cases (bench_parallel.py)")
    args = parser.parse_args()
    cases = {name: case for name, case in CASES.items() if not args.only or name in args.only}
    SAME.extend(bench_scenarios.selecting(SAME_WORKFLOWS, "scripts/bench.py (SAME_WORKFLOWS)"))
    bench_scenarios.check_tags(["browser"], "scripts/bench.py")

    began = time.perf_counter()
    samples = {name: [] for name in cases}
    if "replay" in cases:
        print("writing down the requests of the seed's workflows ...", flush=True)
        behave(*SAME, "-D", f"record={RECORDING}")
    for round_number in range(1, args.rounds + 1):
        for name, case in cases.items():
            if round_number > 1 and name in FIRST_ROUND_ONLY:
                continue
            print(f"round {round_number}/{args.rounds}: {name} ...", end=" ", flush=True)
            samples[name].append(case())
            sample = samples[name][-1]
            sent = sum(n for n, _ in sample.get("commands", {}).values())
            print(f"{sample['wall_s']:.2f} s" + (f", {sent} WebDriver commands" if sent else ""), flush=True)

    # The start-up case is timed whole: a run stopped at its selection times nothing inside.
    keys = ("wall_s", "run_s", "cpu_s")
    m = {name: {key: median(s, key) for key in keys if key in s[0]} for name, s in samples.items()}
    figures = {
        "date": time.strftime("%Y-%m-%d"),
        "cores": os.cpu_count(),
        "rounds": args.rounds,
        "versions": {
            "python": platform.python_version(),
            **{p: version(p) for p in ("django", "behave", "behave-django", "selenium")},
            "chromium": _chromium_version(),
        },
    }
    for key, over, under, _, _ in RATIOS:
        if over in m and under in m:
            # The naive run leaves out the @budget scenarios: it and the browser run compare a scenario's time.
            n_over, n_under = (samples[name][0].get("scenarios") or 1 for name in (over, under))
            scale = n_under / n_over if key == "naive_over_browser" else 1
            figures[key] = m[over]["wall_s"] / m[under]["wall_s"] * scale
            figures[key + "_run"] = m[over]["run_s"] / m[under]["run_s"] * scale
            figures[key + "_cpu"] = m[over]["cpu_s"] / m[under]["cpu_s"] * scale
    for name in ("client", "browser"):
        if name in samples:
            figures[f"{name}_overhead_ms"] = overhead_ms(samples[name])
    if "browser" in samples:
        figures.update(commands(samples["browser"]))
    if "startup" in m:
        figures["startup_s"] = m["startup"]["wall_s"]
    if cases:
        figures["medians"] = m
        figures["scenarios"] = {name: s[0].get("scenarios", 0) for name, s in samples.items()}
    RECORDING.unlink(missing_ok=True)
    output = Path(args.output)
    # Some cases only: their figures replace theirs among those of the last full benchmark.
    earlier = json.loads(output.read_text()) if args.only and output.exists() else {}
    figures["case_seconds"] = {"the cases of this script": round(time.perf_counter() - began)}

    def save():
        """After each case: a case that fails later leaves the figures of those before it."""
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(json.dumps({**earlier, **figures}, indent=2) + "\n")

    def timed_case(name, measure):
        started = time.perf_counter()
        measured = measure()
        figures["case_seconds"][name] = round(time.perf_counter() - started)
        return measured

    save()
    if not args.no_parallel and not args.only:
        # Serial against two workers, client, browser and Grid: scripts/bench_parallel.py.
        import bench_parallel

        parallel = timed_case("parallel", lambda: bench_parallel.measure(args.rounds))
        keys = ("client_parallel_speedup", "browser_parallel_speedup", "grid_parallel_speedup")
        figures.update({key: parallel[key] for key in keys}, parallel=parallel)
        save()
    if not args.only or "engines" in args.only:
        figures["engines"] = timed_case("engines", engines)
        save()
    if not args.only or "trace" in args.only:
        print("what a trace costs (trace=failed and trace=all against trace=off, three pairs in turns) ...", flush=True)
        figures.update(timed_case("trace", trace_overheads))
        save()
    if not args.only or "changed" in args.only:
        import bench_changed

        print("--changed by mutants ...", flush=True)
        every = 1 if args.only else CHANGED_EVERY
        changed = timed_case("changed", lambda: bench_changed.measure(every=every))
        figures.update({key: changed[key] for key in CHANGED_KEYS}, changed=changed)
        save()
    if not args.only or "scale" in args.only:
        import bench_scale

        print("the suite at 10 and 30 times its size ...", flush=True)
        scale = timed_case("scale", bench_scale.measure)
        figures.update({key: scale[key] for key in SCALE_KEYS if key in scale}, scale=scale)
        save()
    figures = {**earlier, **figures}
    if cases:
        _print(figures)
    if "parallel" in figures and not args.only:
        bench_parallel.print_figures(figures["parallel"])
    if "changed" in figures and (not args.only or "changed" in args.only):
        bench_changed.print_figures(figures["changed"])
    if "scale" in figures and (not args.only or "scale" in args.only):
        bench_scale.print_figures(figures["scale"])
    if "engines" in figures and (not args.only or "engines" in args.only):
        _print_engines(figures["engines"])
    _print_targets(figures)
    gone = [] if args.only else bench_targets.missing(figures)
    if gone:
        sys.exit(f"bench: a case did not run, its figures are missing ({'; '.join(gone)}): see its lines above.")


def _print_targets(figures):
    """Every figure with a target, met or short: reported, not failed."""
    rows = bench_targets.verdicts(figures)
    if rows:
        print("\ntargets (a figure short of its target is reported, not failed)")
    for key, figure, target, met in rows:
        print(f"  {key:<34}{figure:>9.2f}  {target:<7}{'met' if met else 'SHORT'}")


def engines():
    """Every feature once in each engine: its whole command and its WebDriver commands (the same every round)."""
    measured = {}
    for engine in ENGINES:
        print(f"every feature in {engine} ...", end=" ", flush=True)
        sample = behave("-D", "driver=browser", "-D", f"browser={engine}", count=True)
        sent = sum(n for n, _ in sample["commands"].values())
        measured[engine] = {
            "wall_s": sample["wall_s"],
            "run_s": sample["run_s"],
            "scenarios": sample["scenarios"],
            "webdriver_commands": sent,
            "webdriver_commands_per_scenario": sent / sample["scenarios"],
        }
        print(f"{sample['wall_s']:.1f} s, {sent} WebDriver commands", flush=True)
    return measured


def _print_engines(measured):
    print(f"\n{'engine':<10}{'scenarios':>10}{'command s':>11}{'run s':>9}{'commands':>10}{'a scenario':>12}")
    for engine, f in measured.items():
        print(
            f"{engine:<10}{f['scenarios']:>10}{f['wall_s']:>11.1f}{f['run_s']:>9.1f}"
            f"{f['webdriver_commands']:>10}{f['webdriver_commands_per_scenario']:>12.2f}"
        )


def _chromium_version():
    try:
        return subprocess.run(["chromium", "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "not installed"


def _print(f):
    m, n = f["medians"], f["scenarios"]
    print(f"\n{f['date']}, {f['cores']} cores, medians of {f['rounds']} rounds")
    print(", ".join(f"{k} {val}" for k, val in f["versions"].items()))
    print(f"\n{'case':<9}{'items':>6}{'command s':>11}{'run s':>9}{'CPU s':>9}")
    for name in m:
        run = f"{m[name]['run_s']:>9.2f}" if "run_s" in m[name] else f"{'':>9}"
        print(f"{name:<9}{n[name]:>6}{m[name]['wall_s']:>11.2f}{run}{m[name].get('cpu_s', 0):>9.2f}")
    shown = [ratio for ratio in RATIOS if ratio[0] in f]
    if shown:
        print("\nratio                         command   run    CPU   target")
    for key, _, _, label, target in shown:
        print(f"{label:<30}{f[key]:>7.2f}{f[key + '_run']:>7.2f}{f[key + '_cpu']:>7.2f}   {target}")
    overheads = [(name, limit) for name, limit in (("client", 5), ("browser", 50)) if f"{name}_overhead_ms" in f]
    if overheads:
        print(
            "\nframework overhead per scenario: "
            + ", ".join(f"{name} {f[name + '_overhead_ms']:.1f} ms (target ≤ {limit})" for name, limit in overheads)
        )
    if "webdriver_commands" in f:
        print(
            f"\nWebDriver commands, browser run: {f['webdriver_commands']:.0f}, "
            f"{f['webdriver_commands_per_scenario']:.1f} per scenario (target ≤ {COMMANDS_TARGET})"
        )
        for name, count in f["webdriver_commands_by_name"].items():
            print(f"  {count:>6.0f}  {name}")
        print("most per scenario:")
        for name, count in list(f["webdriver_commands_by_scenario"].items())[:8]:
            print(f"  {count:>6}  {name}")
        print("where most come from (command, browser-side script, the toolkit's line):")
        for source, count in list(f.get("webdriver_commands_by_source", {}).items())[:15]:
            print(f"  {count:>6}  {source}")
    if "startup_s" in f:
        print(f"\nstart-up with nothing selected: {f['startup_s']:.2f} s")


if __name__ == "__main__":
    main()
