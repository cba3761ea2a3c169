#!/usr/bin/env python3
"""`--changed` measured by mutants: does the run it selects still kill what the full run kills?

In a copy of the project with a git repository of its own: one client run without the
impact map and one that records it (what recording costs), then every mutant of
`make mutants` (cosmic-ray's, on the files of mutation/config.toml; the template mutants
of mutation/template_mutants.py; and the template breaks of mutation/template_breaks.py)
applied in turn as an uncommitted change. For each,
`--changed` selects and runs (stopping at the first failure); a mutant the selection does
not kill is run against every scenario, to tell a miss of the selection from a survivor,
unless nothing was selected: then no scenario ran its line, and none can kill it (the
rule `make mutants` applies too).
Figures: changed_kill_ratio (killed by the selection / killed by the full run),
changed_scenario_share and changed_time_share (mean share of the run's scenarios and
time selected), impact_record_cost (recording run / plain run, whole command; the median
of three pairs run in turns).
"""

import json
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from queue import Empty, Queue

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "mutation"))
PY = sys.executable
CLIENT = ["--tags=not @browser", "-f", "null", "--no-junit", "--no-summary"]
# A mutant that makes a run hang is stopped (the base runs have no limit).
TIMEOUT_S = 300
# Pairs of a plain and a recording run (record_cost).
RECORD_ROUNDS = 3
PRAGMA = "pragma: no mutate"


def run(project, *arguments, timeout=TIMEOUT_S):
    """(status, wall seconds, CPU seconds of the command, stdout) of one `manage.py behave`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    try:
        result = subprocess.run(
            [PY, "manage.py", "behave", *CLIENT, *arguments],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        status, out = result.returncode, result.stdout + result.stderr
    except subprocess.TimeoutExpired:
        status, out = -1, "timeout"
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return status, wall, cpu, out


def git(project, *arguments):
    subprocess.run(["git", *arguments], cwd=project, check=True, capture_output=True)


def python_mutants(project):
    """cosmic-ray's mutants of the files `make mutants` mutates, less the declarations marked not to mutate."""
    from cosmic_ray.work_db import WorkDB, use_db

    config = (ROOT / "mutation" / "config.toml").read_text().replace("{python}", PY)
    (project / "mutation.toml").write_text(config)
    session = project / "session.sqlite"
    subprocess.run([PY, "-m", "cosmic_ray.cli", "init", "mutation.toml", str(session)], cwd=project, check=True)
    with use_db(str(session), WorkDB.Mode.open) as db:
        specs = [item.mutations[0] for item in db.work_items]
    (project / "mutation.toml").unlink()
    session.unlink()
    kept = []
    for spec in specs:
        line = (project / spec.module_path).read_text().splitlines()[spec.start_pos[0] - 1]
        if PRAGMA not in line:
            kept.append(spec)
    return kept


def apply_python(project, spec):
    import cosmic_ray.plugins
    from cosmic_ray.mutating import use_mutation

    operator = cosmic_ray.plugins.get_operator(spec.operator_name)(**(spec.operator_args or {}))
    return use_mutation(project / spec.module_path, operator, spec.occurrence)


def measure(workers=2, every=1, log=lambda line: print(line, flush=True)):
    """The figures, from every `every`-th mutant, shared among `workers` copies of the project with one map."""
    from breaks import copy_project
    from template_breaks import BREAKS
    from template_mutants import every_mutant

    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "project"
        copy_project(project)
        (project / ".gitignore").write_text((ROOT / ".gitignore").read_text() + "session.sqlite\nmutation.toml\n")
        git(project, "init", "-q")
        git(project, "add", ".")
        git(project, "-c", "user.name=bench", "-c", "user.email=bench@localhost", "commit", "-qm", "code")
        cost = record_cost(project, log=log)
        mutants = [(_name(spec), spec) for spec in python_mutants(project)]
        mutants += [(f"{each.key}: {each.change}", each) for each in every_mutant(project)]
        mutants += [(f"{each.file}: {each.tried}", each) for each in BREAKS]
        mutants = mutants[::every]
        # The same code, repository and map in each copy: the map's paths are relative.
        projects = [project] + [Path(folder) / f"project{n}" for n in range(2, workers + 1)]
        for other in projects[1:]:
            shutil.copytree(project, other, symlinks=True)
        queue = Queue()
        for numbered in enumerate(mutants, 1):
            queue.put(numbered)
        rows = []

        def work(copy):
            while True:
                try:
                    number, (name, mutant) = queue.get_nowait()
                except Empty:
                    return
                row = try_mutant(copy, name, mutant)
                if row:
                    rows.append(row)
                    fate = "killed" if row["killed_by_selection"] else "survived the selection"
                    if not row["killed_by_selection"]:
                        fate += ", killed by the full run" if row["killed_by_full_run"] else ", and the full run"
                    log(f"  {number}/{len(mutants)} {name}: {row['said'][:80]} -> {fate}")

        threads = [threading.Thread(target=work, args=(copy,)) for copy in projects]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    total = max([1] + [int(m.group(1)) for r in rows if (m := re.search(r"(?:of|all) (\d+) scenarios", r["said"]))])
    killed = [r for r in rows if r["killed_by_full_run"]]
    missed = [r["mutant"] for r in killed if not r["killed_by_selection"]]
    timed = [r for r in rows if not r["hung"]]
    shares = [(r["selected"] if r["selected"] is not None else total) / total for r in rows]
    return {
        "mutants": len(rows),
        "killed_by_full_run": len(killed),
        "killed_by_selection": len(killed) - len(missed),
        "changed_kill_ratio": (len(killed) - len(missed)) / len(killed) if killed else None,
        "changed_scenario_share": sum(shares) / len(shares) if shares else None,
        # A mutant that hangs the run (an endless loop) is stopped at TIMEOUT_S, the full run as much as the
        # selection: its time is the limit's, not the selection's, and would outweigh every other.
        "changed_time_share": sum(r["wall_s"] for r in timed) / len(timed) / cost["client_run_s"] if timed else None,
        "hung": len(rows) - len(timed),
        "everything_selected": sum(1 for r in rows if r["selected"] is None),
        "by_kind": {
            kind: {
                "mutants": sum(1 for r in rows if r["kind"] == kind),
                "killed_by_full_run": sum(1 for r in killed if r["kind"] == kind),
                "killed_by_selection": sum(1 for r in killed if r["kind"] == kind and r["killed_by_selection"]),
            }
            for kind in ("python", "template", "break")
        },
        "missed": missed,
        **cost,
        "rows": rows,
    }


def record_cost(project, rounds=RECORD_ROUNDS, log=print):
    """Plain and recording client runs in turns: the medians of the pairs' ratios (wall, CPU), and each pair.

    One pair is no figure on a machine whose speed drifts by a quarter within minutes: two
    single pairs here read 1.76 and 2.18 against a target of 2. The last recording run
    leaves the map that the mutants' selections read.
    """
    pairs = []
    for _ in range(rounds):
        status, plain_wall, plain_cpu, out = run(project, timeout=None)
        if status:
            sys.exit(f"bench_changed: the client run fails without any mutant:\n{out[-2000:]}")
        status, record_wall, record_cpu, out = run(project, "-D", "impact=record", timeout=None)
        if status:
            sys.exit(f"bench_changed: the recording run failed:\n{out[-2000:]}")
        log(f"client run {plain_wall:.1f} s (CPU {plain_cpu:.1f} s), recording {record_wall:.1f} s ({record_cpu:.1f})")
        pairs.append((plain_wall, plain_cpu, record_wall, record_cpu))
    return {
        "client_run_s": statistics.median(p[0] for p in pairs),
        "recording_run_s": statistics.median(p[2] for p in pairs),
        "impact_record_cost": statistics.median(p[2] / p[0] for p in pairs),
        "impact_record_cost_cpu": statistics.median(p[3] / p[1] for p in pairs),
        "impact_record_pairs": [[round(x, 2) for x in p] for p in pairs],
    }


def try_mutant(project, name, mutant):
    """The mutant applied as an uncommitted change: what --changed said, and who killed it; None if none applies."""
    from breaks import Break
    from template_mutants import Mutant

    applied = mutant.applied(project) if isinstance(mutant, Break | Mutant) else apply_python(project, mutant)
    with applied as change:
        if isinstance(change, tuple) and change[1] is None:
            return None  # cosmic-ray found nothing to mutate there
        status, wall, _, out = run(project, "--changed", "--stop", "--keepdb")
        said = re.search(r"--changed: (.*)", out)
        said = said.group(1) if said else ""
        chosen = re.match(r"(\d+) of (\d+) scenarios", said)
        selected = int(chosen.group(1)) if chosen else (0 if "no scenario to run" in said else None)
        killed_by_selection = status != 0
        # Nothing selected: no scenario ran the line, and none can kill it (make mutants' rule too);
        # everything selected: that was the full run.
        full_needed = not killed_by_selection and selected not in (0, None)
        killed_by_all = killed_by_selection or (full_needed and run(project, "--stop", "--keepdb")[0] != 0)
    return {
        "mutant": name,
        "kind": "break" if isinstance(mutant, Break) else "template" if isinstance(mutant, Mutant) else "python",
        "selected": selected,  # None: every scenario
        "said": said,
        "killed_by_selection": killed_by_selection,
        "killed_by_full_run": killed_by_all,
        "wall_s": round(wall, 2),
        "hung": status == -1,
    }


def _name(spec):
    return f"{spec.module_path}:{spec.start_pos[0]}:{spec.operator_name.removeprefix('core/')}"


def print_figures(f):
    print(
        f"\n--changed by mutants: {f['mutants']} mutants, {f['killed_by_full_run']} killed by the full client run, "
        f"{f['killed_by_selection']} of them by the selection alone"
    )
    for kind, counts in f["by_kind"].items():
        print(
            f"  {kind:<8} {counts['mutants']:>4} mutants, {counts['killed_by_full_run']} killed by the full run, "
            f"{counts['killed_by_selection']} by the selection"
        )
    print(f"changed_kill_ratio      {f['changed_kill_ratio']:.3f}   (target ≥ 0.99)")
    print(f"changed_scenario_share  {f['changed_scenario_share']:.3f}   ({f['everything_selected']} ran everything)")
    hung = f"; {f['hung']} hung, left out" if f["hung"] else ""
    print(f"changed_time_share      {f['changed_time_share']:.3f}   (whole command, with --stop{hung})")
    cost, cpu = f["impact_record_cost"], f["impact_record_cost_cpu"]
    print(f"impact_record_cost      {cost:.2f}    (CPU {cpu:.2f}; target ≤ 2)")
    for name in f["missed"]:
        print(f"  missed: {name}")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=1, help="try only every Nth mutant (a quicker, rougher figure)")
    figures = measure(every=max(1, parser.parse_args().every))
    print_figures(figures)
    out = ROOT / "reports" / "bench_changed.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(figures, indent=2) + "\n")
