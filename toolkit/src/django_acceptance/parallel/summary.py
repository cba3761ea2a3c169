"""What a parallel or sharded run prints at its end, from the plain results its workers sent back."""

import json
from pathlib import Path

from django_acceptance.parallel.worker import workers_dir
from django_acceptance.report import evidence

NOT_WRITTEN = "not yet written"
# A worker's scenario status -> what the summary counts it as (any other that is not passed or skipped: failed).
OUTCOMES = {"undefined": NOT_WRITTEN, "error": "errored", "hook_error": "errored"}
SYMBOLS = {
    "passed": ".",
    "failed": "F",
    "undefined": "U",
    "error": "E",
    "hook_error": "H",
    "skipped": "S",
    "untested": "U",
}


def print_summary(order, results, by_location, options, pool, elapsed):
    """The failing scenarios with their error and evidence, then the counts; returns the run's exit status."""
    counts = {"passed": 0, "failed": 0, "skipped": 0, NOT_WRITTEN: 0, "errored": 0, "not run": 0}
    failing = []
    for location in order:
        result = results.get(location)
        if result is None:
            counts["not run"] += 1
        elif result["status"] in ("passed", "skipped"):
            counts[result["status"]] += 1
        else:
            # As a serial run counts them: a step not yet written, a run's machinery that broke, a check.
            counts[OUTCOMES.get(result["status"], "failed")] += 1
            failing.append(result)
    print()
    if failing:
        print("\nFailing scenarios:")
        for result in failing:
            scenario = by_location.get(result["location"])
            name = f"  {scenario.name}" if scenario is not None else ""
            print(f"  {result['location']}{name}  ({result.get('worker', '?')})")
            print(f"    {result['error']}")
            folder = evidence.folder_for(options.evidence_dir, scenario) if scenario is not None else None
            if folder is not None and folder.exists():
                print(f"    Evidence: {folder}/")
    ran = ", ".join(f"{w.name} {w.ran}" for w in pool.workers)
    more = "".join(f", {counts[name]} {name}" for name in (NOT_WRITTEN, "errored", "not run") if counts[name])
    print(
        f"\n{counts['passed']} scenarios passed, {counts['failed']} failed, {counts['skipped']} skipped{more}"
        f" ({ran}; logs in {workers_dir()}/)"
    )
    print(f"Took {elapsed:.1f} s")
    unfinished = sum(counts[name] for name in ("failed", NOT_WRITTEN, "errored", "not run"))
    return 1 if pool.interrupted or unfinished else 0


def write_timings(path, elapsed, results):
    """The run's figures for a benchmark (-D timings=FILE): every result is one scenario done."""
    figures = {
        "run_s": elapsed,
        "steps_s": sum(r.get("steps_s", 0.0) for r in results.values()),
        "scenarios": len(results),
    }
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(figures))
