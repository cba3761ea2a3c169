"""The specification as a product owner reads it: the feature files, and how each scenario fared each way it ran.

The features come from behave's own parser, in the order behave runs them, so the page reads
like the files: description, Background, Rules, scenarios, outlines with their Examples. The
outcomes come from the results every run writes (report/results.py: one file per
scenario and attempt, and environment.properties saying what was tested); nothing here runs a
scenario. Steps that match no step definition are found here too, with behave's registry, so a
scenario written before its steps shows as "not yet written" whether or not it was run.
"""

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from behave.model import ScenarioOutline
from behave.parser import parse_file

# The ways a scenario can run, in the order their marks are shown.
WAY_ORDER = ("client", "chromium", "webkit", "firefox")
PASSED, FAILED, FLAKY, NOT_RUN, NOT_WRITTEN = "passed", "failed", "flaky", "not run", "not yet written"


def way_order(way):
    """client, client on PostgreSQL, chromium, chromium on PostgreSQL..., then the Grid's."""
    base, _, database = way.partition(" on ")
    grid = base.endswith("(grid)")
    name = base.replace(" (grid)", "")
    return (grid, WAY_ORDER.index(name) if name in WAY_ORDER else len(WAY_ORDER), bool(database), way)


@dataclass
class Attempt:
    """One result file: one way, one attempt."""

    way: str
    status: str
    flaky: bool
    error: str
    traceback: str
    failed_step: str
    evidence: list  # (name, path, mime type)
    pictures: list  # (step, path)
    start: int
    steps: list = field(default_factory=list)  # (keyword and name, status, seconds), the Background's first
    trace: Path | None = None  # the folder of its trace (report/trace.py), if one was kept


@dataclass
class Outcome:
    """How one scenario (or one row of an outline) fared one way: its attempts, summed up."""

    way: str
    attempts: list = field(default_factory=list)

    @property
    def status(self):
        if not self.attempts:
            return NOT_RUN
        last = self.attempts[-1]
        if last.status == "passed":
            return FLAKY if last.flaky or any(a.status in ("failed", "broken") for a in self.attempts) else PASSED
        if last.status in ("failed", "broken"):
            return FAILED
        return NOT_RUN

    @property
    def failure(self):
        """The last failed attempt, whose error and evidence the page shows."""
        failed = [a for a in self.attempts if a.status in ("failed", "broken")]
        return failed[-1] if failed else None

    @property
    def pictures(self):
        last = self.attempts[-1] if self.attempts else None
        return last.pictures if last else []


@dataclass
class Step:
    keyword: str
    name: str
    line: int
    table: list | None  # rows of cells, headings first
    text: str | None
    closest: list | None  # None when the step exists; else the steps nearest to it


@dataclass
class Scenario:
    name: str
    line: int
    location: str
    tags: list
    description: list
    steps: list
    outcomes: dict  # way -> Outcome
    examples: list = field(default_factory=list)  # outlines only: Examples
    undefined: bool = False

    @property
    def runs(self):
        """Each row of an outline is run and counted on its own; a plain scenario is its own row."""
        if self.examples:
            return [row for examples in self.examples for row in examples.rows]
        return [self]


@dataclass
class Examples:
    name: str
    headings: list
    rows: list  # Scenario per row: its cells in .cells


@dataclass
class Rule:
    name: str
    line: int
    description: list
    background: list | None
    scenarios: list


@dataclass
class Feature:
    name: str
    path: str
    description: list
    background: list | None
    scenarios: list  # those before any Rule
    rules: list

    def all_scenarios(self):
        return [*self.scenarios, *(s for rule in self.rules for s in rule.scenarios)]


@dataclass
class Run:
    """What was tested: from environment.properties of each folder of results."""

    properties: dict
    ways: list
    features: list
    partial: list  # the selections of the runs that ran part of the suite
    catalogue: str | None = None  # where every step is listed, for people writing scenarios

    @property
    def scenarios(self):
        return [s for f in self.features for s in f.all_scenarios()]


def feature_paths(root, paths):
    """Feature files in the order behave runs them: by path, as its runner collects them."""
    found = []
    for path in paths:
        path = Path(root) / path
        found += sorted(path.rglob("*.feature")) if path.is_dir() else [path]
    return found


def load_results(folders):
    """Every attempt of every result file, keyed by scenario location, and the folders' properties."""
    by_location, by_name, properties = {}, {}, []
    for folder in folders:
        folder = Path(folder)
        env = folder / "environment.properties"
        if env.exists():
            properties.append(read_properties(env.read_text(encoding="utf-8")))
        for path in folder.glob("*-result.json"):
            result = json.loads(path.read_text(encoding="utf-8"))
            labels = {label["name"]: label["value"] for label in result.get("labels", [])}
            attempt = _attempt(result, folder, labels)
            if "location" in labels:
                by_location.setdefault(_key(labels["location"]), []).append(attempt)
            else:  # results of an earlier version: no location, the names must do
                key = (labels.get("feature", ""), labels.get("scenario", result.get("name", "")))
                by_name.setdefault(key, []).append(attempt)
    for attempts in [*by_location.values(), *by_name.values()]:
        attempts.sort(key=lambda a: a.start)
    return by_location, by_name, properties


def _key(location):
    """A scenario's location by its file's name and line (any/folder/FILE.feature:12 -> FILE.feature:12).

    A run from elsewhere names the same file relative to its own folder.
    """
    return Path(location).name


def read_properties(text):
    """environment.properties (keys with spaces escaped, as in Java's properties files)."""
    pairs = (line.split("=", 1) for line in text.splitlines() if "=" in line and not line.startswith("#"))
    return {key.strip().replace("\\ ", " "): value.strip() for key, value in pairs}


def _attempt(result, folder, labels=None):
    way = next((p["value"] for p in result.get("parameters", []) if p["name"] in ("ran in", "run")), "client")
    details = result.get("statusDetails") or {}
    failed_step, evidence, pictures = "", [], []

    def walk(steps):
        nonlocal failed_step
        for step in steps:
            if step.get("status") in ("failed", "broken") and not failed_step:
                failed_step = step["name"]
            for attachment in step.get("attachments", []):
                path = folder / attachment["source"]
                if step.get("status") == "passed" and attachment.get("type") == "image/png":
                    pictures.append((attachment["name"] or step["name"], path))
                else:
                    evidence.append((attachment["name"], path, attachment.get("type", "text/plain")))
            walk(step.get("steps", []))

    walk(result.get("steps", []))
    for attachment in result.get("attachments", []):
        evidence.append((attachment["name"], folder / attachment["source"], attachment.get("type", "text/plain")))
    return Attempt(
        way=way,
        status=result.get("status", "unknown"),
        flaky=bool(details.get("flaky")),
        error=(details.get("message") or "").strip(),
        traceback=(details.get("trace") or "").strip(),
        failed_step=failed_step,
        evidence=evidence,
        pictures=pictures,
        start=result.get("start", 0),
        steps=[
            (
                step.get("name", ""),
                step.get("status", "skipped"),
                max(0, step.get("stop", 0) - step.get("start", 0)) / 1000,
            )
            for step in result.get("steps", [])
        ],
        trace=_trace_folder((labels or {}).get("trace"), folder),
    )


def _trace_folder(label, results):
    """The trace folder a result names, relative to the project's root (or absolute); None if it is gone."""
    if not label:
        return None
    from django_acceptance.conf import project

    path = Path(label)
    path = path if path.is_absolute() else project().root / path
    return path if (path / "trace.js").exists() else None


def build(root, folders, paths, registry=None, catalogue=None):
    """The whole specification, with every scenario's outcomes the ways the results say it ran."""
    by_location, by_name, properties = load_results(folders)
    ways = sorted({a.way for attempts in [*by_location.values(), *by_name.values()] for a in attempts}, key=way_order)
    features = []
    for path in feature_paths(root, paths):
        parsed = parse_file(str(path))
        if parsed is None:
            continue
        relative = os.path.relpath(path, root)

        def scenario(model, relative=relative, feature_name=parsed.name):
            return _scenario(model, relative, feature_name, by_location, by_name, ways, registry)

        features.append(
            Feature(
                name=parsed.name,
                path=relative,
                description=list(parsed.description),
                background=_steps(parsed.background.steps, registry) if parsed.background else None,
                scenarios=[scenario(s) for s in parsed.scenarios],
                rules=[
                    Rule(
                        name=rule.name,
                        line=rule.line,
                        description=list(rule.description),
                        background=_rule_background(rule, parsed, registry),
                        scenarios=[scenario(s) for s in rule.scenarios],
                    )
                    for rule in parsed.rules
                ],
            )
        )
    partial = partial_selections(properties)
    return Run(properties=_merge(properties), ways=ways, features=features, partial=partial, catalogue=catalogue)


def _rule_background(rule, feature, registry):
    # behave gives a Rule without a Background of its own the feature's: show each once, where written.
    own = rule.background
    if (
        own is None
        or own is feature.background
        or not own.steps
        or own.line == getattr(feature.background, "line", None)
    ):
        return None
    return _steps(own.steps, registry)


def partial_selections(properties):
    """The selections of the runs that ran part of the suite, from their environment.properties.

    The shards of one run (--shard 1/2 and --shard 2/2, the nightly runs) are each a part, and
    together the whole: rendered together, they are not partial.
    """
    selections = [p.get("selection", "") for p in properties if p.get("partial") == "true"]
    shards = {}
    for selection in selections:
        rest, _, shard = selection.partition("--shard ")
        if shard and not rest.strip():
            index, _, count = shard.strip().partition("/")
            shards.setdefault(count, set()).add(index)
    whole = {count for count, indexes in shards.items() if len(indexes) == int(count)}
    return [s for s in selections if not (s.startswith("--shard ") and s.partition("/")[2] in whole)]


def _merge(properties):
    merged = {}
    for props in properties:
        for key, value in props.items():
            if key == "started":
                merged[key] = min(merged.get(key, value), value)
            elif key == "databases":
                known = merged.get(key, "").split(", ") if merged.get(key) else []
                merged[key] = ", ".join(dict.fromkeys([*known, *value.split(", ")]))
            else:
                merged.setdefault(key, value)
    return merged


def _scenario(model, path, feature_name, by_location, by_name, ways, registry):
    # An outline's steps have <placeholders>: whether they exist is asked of its first row's steps.
    runnable = model.scenarios[0] if isinstance(model, ScenarioOutline) and model.scenarios else model
    steps = _steps(model.steps, registry, runnable.steps)
    # A scenario is only as written as its Background: a missing step there stops it too.
    undefined = any(s.closest is not None for s in steps) or (
        registry is not None and any(registry.find_match(s) is None for s in runnable.background_steps)
    )
    made = Scenario(
        name=model.name,
        line=model.line,
        location=f"{path}:{model.line}",
        tags=list(model.tags),
        description=list(model.description),
        steps=steps,
        outcomes={},
        undefined=undefined,
    )
    if isinstance(model, ScenarioOutline):
        rows = iter(model.scenarios)
        for examples in model.examples:
            table = examples.table
            row_scenarios = []
            for row in table.rows if table else []:
                example = next(rows)
                runs = Scenario(
                    name=example.name.split(" -- @")[0],
                    line=row.line,
                    location=f"{path}:{row.line}",
                    tags=list(example.tags),
                    description=[],
                    steps=[],
                    outcomes=_outcomes(f"{path}:{row.line}", feature_name, example.name, by_location, by_name, ways),
                    undefined=undefined,
                )
                runs.cells = list(row.cells)
                row_scenarios.append(runs)
            made.examples.append(
                Examples(name=examples.name, headings=list(table.headings) if table else [], rows=row_scenarios)
            )
    else:
        made.outcomes = _outcomes(made.location, feature_name, model.name, by_location, by_name, ways)
    return made


def _outcomes(location, feature_name, name, by_location, by_name, ways):
    attempts = by_location.get(_key(location)) or by_name.get((feature_name, name.split(" -- @")[0]), [])
    outcomes = {way: Outcome(way) for way in ways}
    for attempt in attempts:
        outcomes.setdefault(attempt.way, Outcome(attempt.way)).attempts.append(attempt)
    return outcomes


def _steps(steps, registry, runnable=None):
    from django_acceptance.report.suggestions import closest as nearest

    made = []
    for step, run in zip(steps, runnable or steps, strict=False):
        closest = None
        if registry is not None and registry.find_match(run) is None:
            closest = nearest(run.name, run.step_type, registry)
        table = [list(step.table.headings), *(list(row.cells) for row in step.table.rows)] if step.table else None
        made.append(Step(step.keyword, step.name, step.line, table, step.text, closest))
    return made
