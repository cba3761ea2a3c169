#!/usr/bin/env python3
"""The suite at 10 and 30 times its size: what grows faster than the number of scenarios.

In a copy of the project, features/scale/copy_N/ holds copies of every feature file, the
features and scenarios renamed per copy (the steps are the real ones; every scenario
builds its own people and articles in its own transaction). At 1x, 10x and 30x: the
client run's whole command, its cost per scenario (the run from first hook to last over
its scenarios) and its peak memory; at 30x the client run in 2 workers (serial, 2
workers, 2 workers, serial, so that the machine's drift cancels out) and the spread of 2
shards; the browser's cost per scenario on the @browser features at 1x and 10x; and the
report of the 30x client run: render time and size. Ratios are taken within this one
run; a run of the smallest size is the median of three.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "mutation"))
PY = sys.executable
CLIENT = ["--tags=not @browser"]
BROWSER = ["-D", "driver=browser", "--tags=@browser"]
# Runs of the smallest size, of which the median is kept (median_run).
LOW_ROUNDS = 3
# The report's target is 5 s to show a scenario; past this it is broken, not slow.
OPEN_TIMEOUT_S = 60
TITLE = re.compile(r"^(\s*(?:Feature|Rule|Scenario|Scenario Outline|Scenario Template|Example):\s*)(.+)$", re.M)


def make_suite(project, copies, names=()):
    """features/scale/copy_2 ... copy_N: the features again, renamed per copy; the paths to run them all."""
    scale = project / "features" / "scale"
    shutil.rmtree(scale, ignore_errors=True)
    originals = sorted(p for p in (project / "features").glob("*.feature") if not names or p.stem in names)
    for copy in range(2, copies + 1):
        folder = scale / f"copy_{copy}"
        folder.mkdir(parents=True)
        for feature in originals:
            text = TITLE.sub(lambda m, n=copy: f"{m.group(1)}{m.group(2)} (copy {n})", feature.read_text())
            (folder / feature.name).write_text(text)
    paths = [str(p.relative_to(project)) for p in originals] if names else ["features"]
    return paths + (["features/scale"] if names and copies > 1 else [])


def behave(project, *arguments):
    """Whole-command seconds, peak memory (MB) and the run's own timings of one `manage.py behave`."""
    with tempfile.TemporaryDirectory() as folder:
        timings = Path(folder) / "timings.json"
        command = [PY, "manage.py", "behave", "-f", "null", "--no-junit", "-D", f"timings={timings}", *arguments]
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        output = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        if process.returncode:
            sys.exit(f"bench_scale: {' '.join(command[2:])} failed:\n{output.decode()[-2000:]}")
        figures = json.loads(timings.read_text()) if timings.exists() else {}
    # ru_maxrss is in kilobytes on Linux; a parallel run's parent only (its workers are its children).
    return {"wall_s": wall, "peak_mb": usage.ru_maxrss / 1024, **figures}


def per_scenario_ms(sample):
    return sample["run_s"] / sample["scenarios"] * 1000


def median_run(project, rounds, *arguments):
    """The run of median cost a scenario among `rounds` of the same; the others' costs beside it.

    A run of the smallest size is too short to be steady here (the 1x browser run, 39
    scenarios, took 23 to 45 s within one hour), and it is the denominator of every growth.
    """
    samples = sorted((behave(project, *arguments) for _ in range(rounds)), key=per_scenario_ms)
    return {**samples[len(samples) // 2], "rounds_ms": [round(per_scenario_ms(s), 1) for s in samples]}


def measure(scales=(1, 10, 30), browser_scales=(1, 10), names=(), low_rounds=LOW_ROUNDS, log=None):
    log = log or partial(print, flush=True)
    from breaks import copy_project

    figures = {"client": {}, "browser": {}}
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "project"
        copy_project(project)
        if (ROOT / "node_modules").is_dir():
            (project / "node_modules").symlink_to(ROOT / "node_modules")
        for scale in scales:
            paths = make_suite(project, scale, names)
            rounds = low_rounds if scale == min(scales) else 1
            sample = median_run(project, rounds, *CLIENT, "-D", f"results=reports/scale-{scale}", *paths)
            figures["client"][f"{scale}x"] = sample
            log(
                f"client {scale}x: {sample['scenarios']} scenarios, {sample['wall_s']:.1f} s, "
                f"{per_scenario_ms(sample):.1f} ms a scenario, {sample['peak_mb']:.0f} MB"
            )
        top = max(scales)
        paths = make_suite(project, top, names)
        # Right after the serial run above, so that the machine's drift (a quarter within minutes
        # here: one 10x client run took 80 s, then 62 s) falls on the two alike as far as it can.
        parallel = behave(project, *CLIENT, "--parallel", "2", "-D", "results=reports/scale-parallel", *paths)
        figures["client"][f"{top}x_2_workers"] = parallel
        log(f"client {top}x in 2 workers: {parallel['wall_s']:.1f} s")
        # The run the report is made of keeps a trace of every scenario (-D trace=all): the page
        # must open as quickly with them. So it is not a serial run to compare the workers with.
        traced = behave(project, *CLIENT, "-D", "trace=all", "-D", f"results=reports/scale-{top}", *paths)
        figures["client"][f"{top}x_traced"] = traced
        log(f"client {top}x with every trace: {traced['wall_s']:.1f} s")
        shards = [
            behave(project, *CLIENT, "--shard", f"{n}/2", "-D", f"results=reports/scale-shard-{n}", *paths)
            for n in (1, 2)
        ]
        figures["client"][f"{top}x_shards"] = shards
        log(f"client {top}x in 2 shards: {shards[0]['wall_s']:.1f} s and {shards[1]['wall_s']:.1f} s")
        figures["report"] = _report(project, f"reports/scale-{top}", log)
        for scale in browser_scales:
            paths = make_suite(project, scale, names)
            rounds = low_rounds if scale == min(browser_scales) else 1
            sample = median_run(project, rounds, *BROWSER, "-D", f"results=reports/scale-browser-{scale}", *paths)
            figures["browser"][f"{scale}x"] = sample
            log(
                f"browser {scale}x: {sample['scenarios']} scenarios, {sample['wall_s']:.1f} s, "
                f"{per_scenario_ms(sample):.0f} ms a scenario"
            )
    client, browser = figures["client"], figures["browser"]
    low, high = f"{min(scales)}x", f"{top}x"
    serial = client[high]["wall_s"]
    in_workers = client[f"{top}x_2_workers"]["wall_s"]
    shard_walls = [s["wall_s"] for s in client[f"{top}x_shards"]]
    figures.update(
        {
            f"client_cost_growth_{top}x": per_scenario_ms(client[high]) / per_scenario_ms(client[low]),
            f"client_command_growth_{top}x": client[high]["wall_s"] / client[low]["wall_s"],
            f"client_peak_memory_growth_{top}x": client[high]["peak_mb"] / client[low]["peak_mb"],
            f"client_parallel_speedup_{top}x": serial / in_workers,
            f"report_open_seconds_{top}x": (figures["report"] or {}).get("open_s"),
            f"shard_spread_{top}x": (max(shard_walls) - min(shard_walls)) / max(shard_walls),
        }
    )
    if len(browser_scales) > 1:
        b_low, b_high = f"{min(browser_scales)}x", f"{max(browser_scales)}x"
        figures[f"browser_cost_growth_{b_high}"] = per_scenario_ms(browser[b_high]) / per_scenario_ms(browser[b_low])
    return figures


def _report(project, results, log):
    """Render the report of one run's results: seconds and size; None without npm's allure."""
    if not (project / "node_modules" / ".bin" / "allure").exists():
        log("report: not rendered (npm ci installs Allure Report)")
        return None
    started = time.perf_counter()
    folder = project / "reports" / "scale-report"
    done = subprocess.run(
        [PY, "scripts/report.py", results, "--output", str(folder.relative_to(project))],
        cwd=project,
        capture_output=True,
    )
    seconds = time.perf_counter() - started
    # The report is the spec page people open (index.html) and Allure's results browser beside it;
    # a run of some features only (--features) is a partial run, and its page partial.html.
    page, allure = folder / "index.html", folder / "allure.html"
    if not page.is_file():
        page, allure = folder / "partial.html", folder / "partial-allure.html"
    if done.returncode or not page.is_file():
        log(f"report: failed to render: {done.stdout.decode()[-500:]}{done.stderr.decode()[-500:]}")
        return None
    figures = {
        "render_s": seconds,
        "size_mb": page.stat().st_size / 1e6,
        "allure_size_mb": allure.stat().st_size / 1e6 if allure.is_file() else None,
        "open_s": _open_seconds(project, results, page),
    }
    log(
        f"report of the largest client run: {seconds:.1f} s to render; the spec page {figures['size_mb']:.1f} MB, "
        f"{figures['open_s']:.1f} s until Chromium shows a scenario's name; Allure's results browser "
        f"{figures['allure_size_mb'] or 0:.1f} MB"
    )
    return figures


def _open_seconds(project, results, page):
    """Seconds from asking headless Chromium for the page until it shows the name of one of its scenarios."""
    sys.path.insert(0, str(ROOT))
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.wait import WebDriverWait

    from django_acceptance.browser.session import BrowserSession
    from django_acceptance.options import Options

    name = _shown_name(project, results)
    session = BrowserSession(Options(timeout=OPEN_TIMEOUT_S))
    browser = session.start()
    try:
        started = time.perf_counter()
        browser.get(page.as_uri())
        shown = "return document.body ? document.body.innerText.includes(arguments[0]) : false"
        WebDriverWait(browser, OPEN_TIMEOUT_S, poll_frequency=0.05).until(lambda b: b.execute_script(shown, name))
        return time.perf_counter() - started
    except TimeoutException:
        sys.exit(f"bench_scale: the spec page {page} showed no “{name}” within {OPEN_TIMEOUT_S} s: open it and look.")
    finally:
        session.quit()


def _shown_name(project, results):
    """The name of a scenario of the run as the page shows it: a plain Scenario's, the last in file order.

    A row of a Scenario Outline is named in its results by its values ("... -- @1.2 ..."),
    which the page does not show (it shows the outline once, with its <placeholders>).
    """
    from behave.model import ScenarioOutline
    from behave.parser import parse_file

    ran = {json.loads(path.read_text())["name"] for path in (project / results).glob("*-result.json")}
    plain = []
    for path in sorted((project / "features").rglob("*.feature")):
        scenarios = list(parse_file(str(path)).walk_scenarios(with_outlines=True))
        rows = {row for s in scenarios if isinstance(s, ScenarioOutline) for row in s.scenarios}
        plain += [s.name for s in scenarios if not isinstance(s, ScenarioOutline) and s not in rows and s.name in ran]
    if not plain:
        sys.exit(f"bench_scale: no result in {results} is of a plain Scenario, whose name the spec page shows.")
    return plain[-1]


def print_figures(f):
    print("\nthe suite at scale")
    for key, value in f.items():
        if isinstance(value, float):
            print(f"  {key:<32}{value:>8.2f}")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10,30", help="client scales (default 1,10,30)")
    parser.add_argument("--browser-scales", default="1,10", help="browser scales (default 1,10)")
    parser.add_argument("--features", default="", help="only these feature files, by name (default: all)")
    parser.add_argument(
        "--low-rounds", type=int, default=LOW_ROUNDS, help=f"runs of the smallest size (default {LOW_ROUNDS})"
    )
    args = parser.parse_args()
    if args.low_rounds < 1 or args.low_rounds % 2 == 0:
        parser.error("--low-rounds: an odd number, 1 or more, so that the median is one of the runs")
    # Smallest first: the largest client run is the first serial run of serial, workers, workers, serial.
    scales, browser_scales = (tuple(sorted(map(int, text.split(",")))) for text in (args.scales, args.browser_scales))
    result = measure(scales, browser_scales, tuple(filter(None, args.features.split(","))), args.low_rounds)
    print_figures(result)
    out = ROOT / "reports" / "bench_scale.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
