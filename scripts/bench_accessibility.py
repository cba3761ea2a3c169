#!/usr/bin/env python3
"""What the accessibility checks cost: the browser run with and without `-D accessibility=check`.

Rounds alternate between the two, so a noisy machine affects both alike. Each run
counts its WebDriver commands by name (and the time spent in them) from inside the
process, by wrapping Selenium's one place that sends commands. Prints a table of
medians; writes reports/bench-accessibility.json.
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import webdriver_counts

ROOT = Path(__file__).resolve().parent.parent
CASES = {
    "without checks": [],
    "with checks": ["-D", "accessibility=check"],
}


def run(extra):
    with tempfile.TemporaryDirectory() as folder:
        counts, timings = Path(folder) / "counts.json", Path(folder) / "timings.json"
        command = webdriver_counts.counted(counts, ["behave", "-f", "null", "--no-junit", "-D", "driver=browser"])
        command += ["-D", f"timings={timings}", *extra]
        started = time.perf_counter()
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        wall = time.perf_counter() - started
        if result.returncode:
            sys.exit(f"bench: {' '.join(command[3:])} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
        figures = json.loads(timings.read_text())
        by_command = webdriver_counts.read(counts)
    return {
        "wall_s": wall,
        "run_s": figures["run_s"],
        "scenarios": figures["scenarios"],
        "commands": sum(n for n, _ in by_command.values()),
        "by_command": by_command,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds of each case (default 3)")
    parser.add_argument("--output", default=str(ROOT / "reports" / "bench-accessibility.json"))
    args = parser.parse_args()

    samples = {name: [] for name in CASES}
    for round_number in range(1, args.rounds + 1):
        for name, extra in CASES.items():
            print(f"round {round_number}/{args.rounds}: {name} ...", end=" ", flush=True)
            samples[name].append(run(extra))
            print(f"{samples[name][-1]['wall_s']:.2f} s, {samples[name][-1]['commands']} commands", flush=True)

    medians = {
        name: {key: statistics.median(s[key] for s in runs) for key in ("wall_s", "run_s", "commands")}
        for name, runs in samples.items()
    }
    without, checked = medians["without checks"], medians["with checks"]
    names = sorted({c for runs in samples.values() for s in runs for c in s["by_command"]})
    per_command = {
        c: {
            name: (
                statistics.median(s["by_command"].get(c, (0, 0))[0] for s in runs),
                statistics.median(s["by_command"].get(c, (0, 0))[1] for s in runs),
            )
            for name, runs in samples.items()
        }
        for c in names
    }
    scenarios = samples["with checks"][0]["scenarios"]
    print(f"\nbrowser run, {scenarios} scenarios, medians of {args.rounds} rounds")
    print(f"{'':<16}{'whole command':>15}{'inside the run':>16}{'WebDriver commands':>20}")
    for name, m in medians.items():
        print(f"{name:<16}{m['wall_s']:>13.2f} s{m['run_s']:>14.2f} s{m['commands']:>20.0f}")
    print(
        f"{'the checks add':<16}{checked['wall_s'] - without['wall_s']:>13.2f} s"
        f"{checked['run_s'] - without['run_s']:>14.2f} s{checked['commands'] - without['commands']:>20.0f}"
        f"   ({(checked['run_s'] / without['run_s'] - 1) * 100:.0f}% of the run)"
    )
    print(f"\n{'command':<28}{'without: n, s':>18}{'with: n, s':>18}")
    for c, row in per_command.items():
        (n0, s0), (n1, s1) = row["without checks"], row["with checks"]
        print(f"{c:<28}{n0:>9.0f} {s0:>7.2f}{n1:>10.0f} {s1:>7.2f}")
    output = Path(args.output)
    output.parent.mkdir(exist_ok=True)
    output.write_text(json.dumps({"date": time.strftime("%Y-%m-%d"), "medians": medians, "samples": samples}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
