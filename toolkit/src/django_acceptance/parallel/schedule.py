"""Which scenarios a parallel or sharded run has, and in what order: policy only, no processes.

The scenarios are behave's own selection (paths and FILE:LINE, --tags, -n, -i/-e),
each named by its location (features/x.feature:12; a row of an Examples table by
the row's line), which a worker hands back to behave as a path. They are ordered
longest first by the durations of the last run (-D durations, <reports>/durations.json), so that
the workers, or the shards, finish together.
"""

import json
import os
from pathlib import Path

from behave.runner import Runner
from behave.runner_util import parse_features

# A scenario that no run has timed yet is estimated by its steps: at the median
# time of a step of this driver's last run, or this many seconds a step if none.
DEFAULT_STEP_S = 0.1
# A worker is handed the scenarios of one feature file together, which behave parses
# once and runs as one feature, as a serial run does; a batch holds at most this share
# of a worker's expected time, so that the workers still finish together.
BATCHES_PER_WORKER = 4


class SelectionError(Exception):
    """The selection cannot be made (a path that does not exist...); the message says why."""


def select(config):
    """The scenarios behave would run with this configuration, in file order."""
    runner = Runner(config)
    try:
        with runner.path_manager:
            runner.setup_paths()
            locations = [loc for loc in runner.feature_locations() if not config.exclude(loc)]
            features = parse_features(locations, language=config.lang)
    except Exception as error:  # behave's own ConfigError, FileNotFoundError, ParserError...
        raise SelectionError(f"{type(error).__name__}: {error}") from None
    return [
        scenario
        for feature in features
        for scenario in feature.walk_scenarios()
        if scenario.should_run(config) and feature.should_run(config)
    ]


def location(scenario):
    return f"{os.path.relpath(scenario.filename)}:{scenario.line}"


def steps_of(scenario):
    return sum(1 for _ in scenario.all_steps)


# Durations of the last run, by driver and location


def load_durations(driver, path):
    try:
        return json.loads(Path(path).read_text()).get(driver, {})
    except (OSError, ValueError, AttributeError):
        return {}


def save_durations(driver, measured, path):
    """Merge this run's durations into the file: scenarios it did not run keep their last one."""
    if not measured:
        return
    path = Path(path)
    try:
        data = json.loads(path.read_text())
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    data.setdefault(driver, {}).update({name: round(seconds, 4) for name, seconds in measured.items()})
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".json.tmp")
    partial.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
    partial.replace(path)  # Atomic: a run reading it never sees half a file.


def estimates(scenarios, durations):
    """Seconds each scenario is expected to take: its last duration, else its steps at a typical step time."""
    per_step = []
    for scenario in scenarios:
        known = durations.get(location(scenario))
        if known is not None and steps_of(scenario):
            per_step.append(known / steps_of(scenario))
    step_s = sorted(per_step)[len(per_step) // 2] if per_step else DEFAULT_STEP_S
    return {location(s): durations.get(location(s), steps_of(s) * step_s) for s in scenarios}


def longest_first(scenarios, durations):
    """Locations, longest expected first; equal ones in file order, so the order is deterministic."""
    expected = estimates(scenarios, durations)
    order = {location(s): n for n, s in enumerate(scenarios)}
    return sorted(expected, key=lambda name: (-expected[name], order[name]))


def batches(scenarios, durations, jobs):
    """Lists of locations, each of one feature file in file order; the longest batch first.

    With more than one worker, a file whose scenarios are expected to take more than a
    worker's share of the run over BATCHES_PER_WORKER is cut into consecutive batches of
    at most that; one worker has nothing to balance, and takes whole files.
    """
    expected = estimates(scenarios, durations)
    limit = sum(expected.values()) / (jobs * BATCHES_PER_WORKER) if jobs > 1 else float("inf")
    by_file = {}
    for scenario in scenarios:
        by_file.setdefault(scenario.filename, []).append(location(scenario))
    cut = []
    for names in by_file.values():
        batch, load = [], 0.0
        for name in names:
            if batch and load + expected[name] > limit:
                cut.append(batch)
                batch, load = [], 0.0
            batch.append(name)
            load += expected[name]
        cut.append(batch)
    order = {location(s): n for n, s in enumerate(scenarios)}
    return sorted(cut, key=lambda batch: (-sum(expected[name] for name in batch), order[batch[0]]))


def shard(scenarios, durations, index, count):
    """The index-th (1-based) of count disjoint parts of the scenarios, balanced by expected time.

    Longest first, each scenario goes to the part with the least expected time so far
    (the lowest-numbered on a tie): the same inputs always give the same parts.
    """
    expected = estimates(scenarios, durations)
    loads = [0.0] * count
    parts = [[] for _ in range(count)]
    for name in longest_first(scenarios, durations):
        lightest = min(range(count), key=lambda n: (loads[n], n))
        loads[lightest] += expected[name]
        parts[lightest].append(name)
    mine = set(parts[index - 1])
    return [s for s in scenarios if location(s) in mine]
