"""What a run was asked to run, checked before anything starts: one line for a selection that selects nothing.

behave runs 0 scenarios and exits 0 for tags that match nothing (CI would pass with nothing
run), runs another scenario for `file.feature:999`, and ends in FileNotFoundError for a file
that does not exist. Here each says what was asked and what exists, and the run stops (status 2).
"""

import re
from pathlib import Path

from behave.model import Scenario, ScenarioOutline, ScenarioOutlineBuilder
from behave.parser import ParserError, parse_file

from django_acceptance.report.spec import feature_paths

LOCATION = re.compile(r"^(?P<path>.+?):(?P<lines>\d+(?::\d+)*)$")


class SelectionError(Exception):
    """The selection selects nothing; the message says what was asked and what exists."""


def check(config, root=".", features="features", tags_file=None):
    """Raise SelectionError unless the paths, lines, tags and names of `config` select a scenario.

    Return the feature files that hold no selected scenario when tags or names alone select
    (every file is then read), for behave to leave out (behave_patches.leave_out); none
    otherwise. behave builds every example of every outline and marks every scenario it
    does not run as skipped, some 0.2 ms a scenario of the suite: a run of five among three
    hundred paid more for those it skipped than for starting. The feature files are parsed
    only when lines, tags or names are given: a run of every feature need not parse them twice.
    """
    filtered = bool(config.tags or config.name)
    found, parsed, without = False, [], []
    for asked in config.paths:
        match = LOCATION.match(asked)
        path, lines = (match["path"], [int(n) for n in match["lines"].split(":")]) if match else (asked, [])
        if path.startswith("@"):  # behave's file of locations: behave checks it
            return None
        if not Path(path).exists():
            raise SelectionError(f"{path} does not exist: the features are {_listing(root, features)}.")
        if lines:
            without = None  # behave reads lines itself
        for feature_path in feature_paths(root, [path]) if Path(path).is_dir() else [Path(path)]:
            # Once a scenario is selected, only lines, or the files read only, still need a look.
            if not lines and (not filtered or (found and without is None)):
                continue
            feature = _parse(feature_path)
            if feature is None:
                continue
            for line in lines:
                _check_line(feature, feature_path, line)
            parsed.append(feature)
            selected = _selected(config, feature, lines)
            found = found or selected
            if not selected and without is not None:
                without.append(feature_path.resolve())
    if parsed and not found:
        raise SelectionError(_nothing_selected(config, parsed, features, tags_file))
    return without if filtered and without else []


def _parse(path):
    try:
        return parse_file(str(path))
    except ParserError as error:
        raise SelectionError(f"{path} cannot be read as Gherkin: {str(error).splitlines()[0]}") from error


def _listing(root, features):
    names = [str(path) for path in feature_paths(root, [features])]
    return ", ".join(names) or f"none ({features}/ has no .feature file)"


def _spans(feature):
    """(first line, last line, name) of every scenario of the feature, as written."""
    scenarios = list(feature.scenarios) + [s for rule in feature.rules for s in rule.scenarios]
    return sorted(_spans_of(scenario) for scenario in scenarios)


def _spans_of(scenario):
    last = max([scenario.line, *(step.line for step in scenario.steps)])
    if isinstance(scenario, ScenarioOutline):
        last = max([last, *(row.line for ex in scenario.examples for row in (ex.table.rows if ex.table else []))])
    return scenario.line, last, scenario.name


def _check_line(feature, path, line):
    spans = _spans(feature)
    if any(first <= line <= last for first, last, _ in spans):
        return
    # A Feature's or Rule's own line selects what is under it, as in behave.
    if line == feature.line or any(rule.line == line for rule in feature.rules):
        return
    starts = ", ".join(str(first) for first, _, _ in spans)
    raise SelectionError(f"{path}:{line}: no scenario at line {line}; its scenarios start at lines {starts}.")


def _selected(config, feature, lines):
    groups = [(None, feature.scenarios)] + [(rule, rule.scenarios) for rule in feature.rules]
    for rule, scenarios in groups:
        for top in scenarios:
            if lines and not any(_asks_for(top, rule, feature, line) for line in lines):
                continue
            for scenario in _examples(top) if isinstance(top, ScenarioOutline) else [top]:
                if config.tag_expression and not config.tag_expression.check(scenario.effective_tags):
                    continue
                if config.name and not scenario.should_run_with_name_select(config):
                    continue
                return True
    return False


def _examples(outline):
    """Each row of an outline's examples as the scenario behave makes of it, with its name and tags but no steps.

    behave's own building copies every step of every row; the name and the tags, all a
    selection reads, come from its builder's methods, with the indexes it gives.
    """
    builder = ScenarioOutlineBuilder(outline.annotation_schema)
    for example_index, example in enumerate(outline.examples, start=1):
        example.index = example_index
        for row_index, row in enumerate(example.table or [], start=1):
            row.index, row.id = row_index, f"{example_index}.{row_index}"
            params = {"examples.name": example.name, "row.id": row.id, "row.index": str(row_index)}
            params["examples.index"] = str(example_index)
            name = builder.make_scenario_name(outline.name, example, row, dict(params))
            tags = builder.make_row_tags(outline.tags + example.tags, row, dict(params))
            scenario = Scenario(outline.filename, row.line, outline.keyword, name, tags, [], parent=outline)
            scenario.feature = outline.feature
            yield scenario


def _asks_for(top, rule, feature, line):
    # A Feature's or a Rule's own line asks for all under it; any line of a scenario (or its Examples) for it.
    first, last, _ = _spans_of(top)
    return line == feature.line or (rule is not None and line == rule.line) or first <= line <= last


def _nothing_selected(config, features, folder, tags_file):
    asked, hints = [], []
    if config.tag_expression and config.tags:
        asked.append(f"--tags={' and '.join(str(tag) for tag in config.tags)}")
        tags = sorted({f"@{t}" for feature in features for s in feature.walk_scenarios() for t in s.effective_tags})
        listed = f" ({tags_file})" if tags_file else ""
        hints.append(f"the tags in use there are {', '.join(tags) or 'none'}{listed}")
    if config.name:
        asked += [f"-n {name!r}" for name in config.name]
        hints.append("-n selects the scenarios whose name contains it")
    where = " ".join(path for path in config.paths if path.rstrip("/") != folder)
    what = " ".join(asked) or "the selection"
    return f"{what}{' in ' + where if where else ''} selects no scenario: {'; '.join(hints) or 'it has none'}."
