#!/usr/bin/env python3
"""What two workers gain over one run: client, browser and Selenium Grid, serial against --parallel 2.

In one run, interleaved, several rounds of each (medians reported):
  client     the client run of the features not tagged @browser, serial and with --parallel 2
  browser    every feature in the browser, serial and with --parallel 2
  grid       every feature through a Grid of a hub and two nodes (scripts/grid.py), serial
             and with --parallel 2 (skipped, and said so, without java or the Grid's jar)
  start-up   nothing selected (serial) and two scenarios in two workers (parallel): the
             fixed costs, from which the suite size where the client run starts to pay follows

While each command runs, every process it starts is sampled from /proc, so the CPU
time of each kind (behave's parent, the workers with their live servers, chromedriver,
Chromium, the Grid's java) says what limits the speed-up: with the cores busy for the
whole run there is nothing more to gain on this machine. Writes reports/bench-parallel.json
and prints the speed-ups; scripts/bench.py (`make bench`) measures them too, into reports/bench.json.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
OUTPUT = ROOT / "reports" / "bench-parallel.json"
TICKS = os.sysconf("SC_CLK_TCK")
sys.path.insert(0, str(ROOT / "scripts"))
import bench_scenarios  # noqa: E402
import grid  # noqa: E402  (scripts/grid.py: start and stop a hub and nodes)

# Two short scenarios, for what two workers cost before their first scenario.
TWO_SCENARIOS = [
    "A reader's comment appears under the article with her name",
    "HTML in a comment shows as plain text",
]


class Sampler:
    """CPU seconds of every process under the given roots (and in their groups), by kind.

    A process already running when sampling starts (the Grid's java, started once for
    every case) counts only what it spends from then on, not its whole life.
    """

    def __init__(self, roots):
        self.roots = set(roots)
        self.seen = {}  # pid -> (kind, cpu seconds)
        self.before = {}  # pid -> cpu seconds it had already spent when sampling started
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)
        # (seconds, CPU seconds of the run's processes, CPU seconds of the whole machine) at each sample.
        self.timeline = []

    def __enter__(self):
        self.sample()
        self.before = {pid: cpu for pid, (_, cpu) in self.seen.items()}
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.done.set()
        self.thread.join()

    def _loop(self):
        while not self.done.wait(0.1):
            self.sample()

    def sample(self):
        table = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rpartition(")")[2].split()
                table[int(stat.parent.name)] = (int(fields[1]), int(fields[2]), fields)
            except (OSError, ValueError):
                continue
        mine = set()
        for pid in table:
            seen, chain = pid, set()
            while seen in table and seen not in chain:
                chain.add(seen)
                if seen in self.roots or table[seen][1] in self.roots:
                    mine.add(pid)
                    break
                seen = table[seen][0]
        for pid in mine:
            fields = table[pid][2]
            cpu = (int(fields[11]) + int(fields[12])) / TICKS
            try:
                command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
                environ = Path(f"/proc/{pid}/environ").read_bytes()
            except OSError:
                continue
            # Chromium rewrites its command line as one string with spaces: split both ways.
            command = b" ".join(command).decode(errors="replace").split()
            kind = self.seen.get(pid, (None,))[0] or _kind(command, b"BEHAVE_WORKER=" in environ)
            self.seen[pid] = (kind, max(cpu, self.seen.get(pid, (kind, 0.0))[1]))
        mine_s = sum(cpu - self.before.get(pid, 0.0) for _, cpu in self.seen.values())
        self.timeline.append((time.perf_counter(), mine_s, _machine_cpu_s()))

    def cores_busy(self):
        """How many cores the run kept busy, and the whole machine (the run and anything else), on average.

        Also the share of the run's time in which its own processes kept at least 1.5 cores
        busy: on 2 cores, where that share is near 1, the run is bound by the CPU and two
        workers have nothing left to gain.
        """
        if len(self.timeline) < 2:
            return {}
        (t0, mine0, all0), (t1, mine1, all1) = self.timeline[0], self.timeline[-1]
        busy = sum(b[0] - a[0] for a, b in pairwise(self.timeline) if b[1] - a[1] >= 1.5 * (b[0] - a[0]))
        return {
            "run_cores": round((mine1 - mine0) / (t1 - t0), 2),
            "machine_cores": round((all1 - all0) / (t1 - t0), 2),
            "share_at_1_5_cores": round(busy / (t1 - t0), 2),
        }

    def by_kind(self):
        totals = {}
        for pid, (kind, cpu) in self.seen.items():
            totals[kind] = totals.get(kind, 0.0) + cpu - self.before.get(pid, 0.0)
        return dict(sorted(totals.items(), key=lambda item: -item[1]))


def _machine_cpu_s():
    """CPU seconds every process of the machine has spent since boot (/proc/stat: all but idle and iowait)."""
    fields = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:8]]
    return (sum(fields) - fields[3] - fields[4]) / TICKS


def _kind(command, in_worker):
    text = " ".join(command)
    if "chromedriver" in text:
        return "chromedriver"
    # Chromium starts some of its helpers again through /proc/self/exe: they are Chromium's too.
    if "/chromium" in text or "chrome_crashpad" in text or (command and command[0] == "/proc/self/exe"):
        types = [part[7:] for part in command if part.startswith("--type=")]
        return f"chromium {types[0] if types else 'browser'}"
    if command and command[0].endswith("java"):
        return "grid java"
    if "behave" in text:
        return "behave worker (with its live server)" if in_worker else "behave parent (or serial run)"
    return command[0].rsplit("/", 1)[-1] if command else "?"


def timed(args, env=None, roots=(), status=0):
    """Run manage.py behave; the wall time and the CPU seconds of what it started, by kind.

    `status`: the exit status expected (2: a selection that selects nothing stops the run at once).
    """
    command = [PY, "manage.py", "behave", "-f", "null", "--no-junit", *args]
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    with Sampler({process.pid, *roots}) as sampler:
        output = process.communicate()[0].decode(errors="replace")
    wall = time.perf_counter() - started
    if process.returncode != status:
        sys.exit(f"bench: {' '.join(command[1:])} failed:\n{output[-3000:]}")
    return {"wall_s": wall, "cpu_s": sampler.by_kind(), "cores": sampler.cores_busy()}


def median_of(samples):
    kinds = {kind for sample in samples for kind in sample["cpu_s"]}
    return {
        "wall_s": statistics.median(s["wall_s"] for s in samples),
        "cpu_s": {k: round(statistics.median(s["cpu_s"].get(k, 0.0) for s in samples), 2) for k in sorted(kinds)},
        "cores": {
            k: statistics.median(s["cores"][k] for s in samples if k in s["cores"])
            for k in ("run_cores", "machine_cores", "share_at_1_5_cores")
            if any(k in s["cores"] for s in samples)
        },
    }


def measure(rounds=3, with_grid=True):
    """Every case, interleaved, `rounds` times; the figures, with the medians."""
    two_scenarios = bench_scenarios.selecting(TWO_SCENARIOS, "scripts/bench_parallel.py (TWO_SCENARIOS)")
    bench_scenarios.check_tags(["browser"], "scripts/bench_parallel.py")
    cases = {
        "startup_serial": lambda: timed(["--tags=@nothing-selected"], status=2),
        "startup_parallel": lambda: timed(["--parallel", "2", *two_scenarios]),
        "client_serial": lambda: timed(["--tags=not @browser"]),
        "client_parallel": lambda: timed(["--tags=not @browser", "--parallel", "2"]),
        "browser_serial": lambda: timed(["-D", "driver=browser"]),
        "browser_parallel": lambda: timed(["-D", "driver=browser", "--parallel", "2"]),
    }
    grid_note = None
    grid_process = None
    if with_grid:
        try:
            grid_process, url = grid.start_grid(4444 if _free(4444) else grid.free_port(), 120, nodes=2, sessions=2)
        except grid.GridError as error:
            grid_note = f"Grid cases left out: {error}"
            print(grid_note, file=sys.stderr)
        else:
            env = {"SELENIUM_REMOTE_URL": url}
            roots = [p.pid for p in grid.STARTED]
            cases["grid_serial"] = lambda: timed(["-D", "driver=browser"], env, roots)
            cases["grid_parallel"] = lambda: timed(["-D", "driver=browser", "--parallel", "2"], env, roots)
    samples = {name: [] for name in cases}
    try:
        for round_number in range(1, rounds + 1):
            for name, case in cases.items():
                print(f"round {round_number}/{rounds}: {name} ...", end=" ", flush=True)
                samples[name].append(case())
                print(f"{samples[name][-1]['wall_s']:.2f} s", flush=True)
    finally:
        if grid_process is not None:
            grid.stop_grid(grid_process)
    m = {name: median_of(s) for name, s in samples.items()}
    return {
        "date": time.strftime("%Y-%m-%d"),
        "cores": len(os.sched_getaffinity(0)),
        "load_average_at_end": os.getloadavg()[0],
        "rounds": rounds,
        "client_parallel_speedup": _ratio(m, "client"),
        "browser_parallel_speedup": _ratio(m, "browser"),
        "grid_parallel_speedup": _ratio(m, "grid") if "grid_serial" in m else None,
        "client_pays_from_scenarios": _break_even(m, scenarios=55),
        "grid_note": grid_note,
        "medians": m,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds of each case (default 3)")
    parser.add_argument("--no-grid", action="store_true", help="leave out the Grid cases")
    args = parser.parse_args()
    figures = measure(args.rounds, not args.no_grid)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(figures, indent=2) + "\n")
    print_figures(figures)


def _free(port):
    try:
        grid.check_port_free(port)
    except grid.GridError:
        return False
    return True


def _ratio(m, case):
    return round(m[f"{case}_serial"]["wall_s"] / m[f"{case}_parallel"]["wall_s"], 2)


def _break_even(m, scenarios):
    """The suite size from which the client run is faster in two workers: fixed cost gained back per scenario."""
    fixed_serial, fixed_parallel = m["startup_serial"]["wall_s"], m["startup_parallel"]["wall_s"]
    per_serial = (m["client_serial"]["wall_s"] - fixed_serial) / scenarios
    per_parallel = (m["client_parallel"]["wall_s"] - fixed_parallel) / scenarios
    if per_parallel >= per_serial:
        return None  # Two workers are no faster a scenario on this machine now: it never pays.
    return round((fixed_parallel - fixed_serial) / (per_serial - per_parallel))


def print_figures(f):
    m = f["medians"]
    load = f["load_average_at_end"]
    print(f"\n{f['date']}, {f['cores']} cores, medians of {f['rounds']} rounds, load average {load:.1f} at the end")
    print(f"\n{'case':<18}{'command s':>10}   CPU seconds by process")
    for name, sample in m.items():
        cpu = ", ".join(f"{kind} {seconds:.1f}" for kind, seconds in sample["cpu_s"].items() if seconds >= 0.05)
        print(f"{name:<18}{sample['wall_s']:>10.2f}   {cpu}")
    print(f"\n{'case':<18}{'run cores':>10}{'machine':>9}{'time at ≥ 1.5 cores':>22}")
    for name, sample in m.items():
        c = sample.get("cores") or {}
        if c:
            print(f"{name:<18}{c['run_cores']:>10.2f}{c['machine_cores']:>9.2f}{c['share_at_1_5_cores']:>22.0%}")
    print("\nspeed-up with 2 workers (serial / parallel, whole command; target ≥ 1.5 for browser and grid)")
    for key in ("client_parallel_speedup", "browser_parallel_speedup", "grid_parallel_speedup"):
        print(f"  {key}: {f[key] if f[key] is not None else 'not measured'}")
    pays = f["client_pays_from_scenarios"]
    print(f"  the client run pays from about {pays} scenarios" if pays else "  the client run does not pay here")
    if f["grid_note"]:
        print(f"  {f['grid_note']}")


if __name__ == "__main__":
    main()
