#!/usr/bin/env python3
"""Mutation testing of the site's code, judged by the acceptance suite alone (`make mutants`).

cosmic-ray makes small changes to the site's application code (mutation/config.toml)
and runs the suite's client run against each; a mutant is killed when a scenario
fails. Everything happens in a copy of the project, so an interrupted run leaves
no mutant behind. To keep within half an hour on two cores:
  - each run stops at its first failing scenario (--stop);
  - mutants on lines that no scenario executes are not run: they survive by
    definition (coverage of one client run says which lines those are).
Survivors judged equivalent or invisible to users are listed, with a reason, in
mutation/accepted-survivors.txt; the report shows only the others as new.
Writes reports/mutation.json.
"""

import json
import shlex
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

from breaks import ROOT, copy_project

HERE = Path(__file__).resolve().parent
ACCEPTED = HERE / "accepted-survivors.txt"
# Declarations, not behaviour (column sizes): marked in the code, left out of the score.
PRAGMA = "pragma: no mutate"
EXCLUDED = "excluded: " + PRAGMA


def executed_lines(project, test_command):
    """Lines of site/ that the client run executes, by file."""
    from coverage import CoverageData

    data_file = project / ".coverage"
    python, *arguments = shlex.split(test_command)
    coverage = [python, "-m", "coverage", "run", f"--data-file={data_file}", f"--source={project / 'site'}"]
    subprocess.run([*coverage, *arguments], cwd=project, check=True, capture_output=True)
    data = CoverageData(basename=str(data_file))
    data.read()
    return {str(Path(f).resolve().relative_to(project)): set(data.lines(f) or ()) for f in data.measured_files()}


def accepted_survivors():
    """file:line:operator -> reason, from mutation/accepted-survivors.txt."""
    accepted = {}
    for line in ACCEPTED.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, reason = line.partition(" ")
            accepted[key] = reason.strip()
    return accepted


def main():
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import TestOutcome, WorkerOutcome, WorkResult

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "project"
        copy_project(project)
        config = (HERE / "config.toml").read_text().replace("{python}", sys.executable)
        (project / "mutation.toml").write_text(config)
        session = project / "session.sqlite"
        cosmic_ray = [sys.executable, "-m", "cosmic_ray.cli"]
        subprocess.run([*cosmic_ray, "init", "mutation.toml", str(session)], cwd=project, check=True)

        test_command = tomllib.loads(config)["cosmic-ray"]["test-command"]
        print("Finding the lines the client run executes ...", flush=True)
        covered = executed_lines(project, test_command)
        with use_db(str(session), WorkDB.Mode.open) as db:
            for item in db.work_items:
                spec = item.mutations[0]
                source = (project / spec.module_path).read_text().splitlines()[spec.start_pos[0] - 1]
                if PRAGMA in source:
                    db.set_result(
                        item.job_id,
                        WorkResult(worker_outcome=WorkerOutcome.SKIPPED, output=EXCLUDED),
                    )
                elif spec.start_pos[0] not in covered.get(str(spec.module_path), ()):
                    db.set_result(
                        item.job_id,
                        WorkResult(
                            worker_outcome=WorkerOutcome.SKIPPED,
                            test_outcome=TestOutcome.SURVIVED,
                            output="not executed by any scenario",
                        ),
                    )
            total = db.num_work_items
            outputs = Counter(result.output for _, result in db.results)
        print(
            f"{total} mutants: {outputs[EXCLUDED]} on declarations marked “{PRAGMA}” (left out), "
            f"{outputs['not executed by any scenario']} on lines no scenario executes (survivors, not run)",
            flush=True,
        )

        done = threading.Event()
        worker = threading.Thread(target=_exec, args=(cosmic_ray, project, session, done), daemon=True)
        worker.start()
        while not done.wait(10):
            _progress(session, total, started)
        worker.join()
        _progress(session, total, started)
        results = _collect(session)
    report = _report(results, accepted_survivors(), time.perf_counter() - started)
    return 0 if report["score"] >= 0.9 else 1


def _exec(cosmic_ray, project, session, done):
    try:
        subprocess.run(
            [*cosmic_ray, "exec", "mutation.toml", str(session)],
            cwd=project,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    finally:
        done.set()


def _progress(session, total, started):
    from cosmic_ray.work_db import WorkDB, use_db

    with use_db(str(session), WorkDB.Mode.open) as db:
        outcomes = Counter(result.test_outcome for _, result in db.results)
    finished = sum(outcomes.values())
    print(
        f"  {finished}/{total} mutants done, {outcomes.get('killed', 0)} killed, "
        f"{outcomes.get('survived', 0)} survived, {time.perf_counter() - started:.0f} s",
        flush=True,
    )


def _collect(session):
    from cosmic_ray.work_db import WorkDB, use_db

    with use_db(str(session), WorkDB.Mode.open) as db:
        items = {item.job_id: item for item in db.work_items}
        rows = []
        for job_id, result in db.results:
            spec = items[job_id].mutations[0]
            rows.append(
                {
                    "file": str(spec.module_path),
                    "line": spec.start_pos[0],
                    "operator": spec.operator_name.removeprefix("core/"),
                    "outcome": {"timeout": "timeout", EXCLUDED: "excluded"}.get(result.output)
                    or str(result.test_outcome.value),
                    "run": result.worker_outcome != "skipped",
                    "diff": _change(result.diff),
                }
            )
    return rows


def _change(diff):
    """The changed line of a unified diff, as "old -> new"."""
    if not diff:
        return ""
    removed = [x[1:].strip() for x in diff.splitlines() if x.startswith("-") and not x.startswith("---")]
    added = [x[1:].strip() for x in diff.splitlines() if x.startswith("+") and not x.startswith("+++")]
    return f"{' '.join(removed)}  ->  {' '.join(added)}"


def _report(rows, accepted, seconds):
    excluded = [r for r in rows if r["outcome"] == "excluded"]
    rows = [r for r in rows if r["outcome"] != "excluded"]
    per_file = defaultdict(Counter)
    for row in rows:
        per_file[row["file"]][row["outcome"]] += 1
    killed = sum(1 for r in rows if r["outcome"] in ("killed", "timeout"))
    survivors = [r for r in rows if r["outcome"] == "survived"]
    for row in survivors:
        row["accepted"] = accepted.get(f"{row['file']}:{row['line']}:{row['operator']}")
    new = [r for r in survivors if not r["accepted"]]
    total = len(rows)
    print(f"\n{'file':<32}{'mutants':>8}{'killed':>8}{'survived':>9}{'timeout':>8}{'score':>7}")
    for file, counts in sorted(per_file.items()):
        n = sum(counts.values())
        k = counts["killed"] + counts["timeout"]
        print(f"{file:<32}{n:>8}{counts['killed']:>8}{counts['survived']:>9}{counts['timeout']:>8}{k / n:>7.0%}")
    score = killed / total if total else 0.0
    print(
        f"{'all':<32}{total:>8}{killed:>8}{len(survivors):>9}"
        f"{sum(1 for r in rows if r['outcome'] == 'timeout'):>8}{score:>7.1%}"
    )
    print(
        f"\n{len(survivors)} survivors, {len(survivors) - len(new)} of them accepted "
        f"(mutation/accepted-survivors.txt); new:"
    )
    for row in sorted(new, key=lambda r: (r["file"], r["line"])):
        print(
            f"  {row['file']}:{row['line']}:{row['operator']}  {row['diff']}"
            + ("" if row["run"] else "  (no scenario executes it)")
        )
    report = {
        "date": time.strftime("%Y-%m-%d"),
        "seconds": round(seconds),
        "total": total,
        "killed": killed,
        "survived": len(survivors),
        "timeout": sum(1 for r in rows if r["outcome"] == "timeout"),
        "score": score,
        "excluded_declarations": len(excluded),
        "per_file": {f: dict(c) for f, c in per_file.items()},
        "survivors": survivors,
    }
    breaks = ROOT / "reports" / "template_breaks.json"
    if breaks.exists():
        report["template_breaks"] = json.loads(breaks.read_text())
    out = ROOT / "reports" / "mutation.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nScore {score:.1%} ({killed} of {total} killed) in {seconds / 60:.1f} min; reports/mutation.json")
    return report


if __name__ == "__main__":
    sys.exit(main())
