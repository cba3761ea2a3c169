"""The scenarios and tags a benchmark names, checked when it starts.

A benchmark names scenarios by their names and tags, never by line: a line moves with
the next edit of its feature file and then names another scenario, or none. A name or
tag that is gone stops the benchmark before its first case, in one line that says which
and where to change it.
"""

import re
import sys
from pathlib import Path

from behave.parser import ParserError, parse_file

ROOT = Path(__file__).resolve().parent.parent


def selecting(names, where, root=ROOT):
    """behave's arguments that select exactly the scenarios of these names; exits in one line if one is gone."""
    known = _scenarios(root)
    for name in names:
        if name not in known:
            sys.exit(f"bench: no scenario in features/ is called “{name}”: change it in {where} to one that is.")
    return [arg for name in names for arg in ("-n", f"^{re.escape(name)}$")]


def check_tags(tags, where, root=ROOT):
    """Exit in one line if no scenario or feature carries one of these tags (a run of `not @tag` would be all)."""
    used = {tag for feature in _features(root) for tag in _tags(feature)}
    for tag in tags:
        if tag not in used:
            sys.exit(f"bench: no feature or scenario is tagged @{tag} any more: change the tag in {where}.")


def _features(root):
    for path in sorted((Path(root) / "features").glob("*.feature")):
        try:
            yield parse_file(str(path))
        except ParserError as error:
            sys.exit(f"bench: {path} cannot be read as Gherkin: {str(error).splitlines()[0]}")


def _scenarios(root):
    return {scenario.name for feature in _features(root) for scenario in feature.walk_scenarios(with_outlines=True)}


def _tags(feature):
    yield from feature.tags
    for rule in feature.rules:
        yield from rule.tags
    for scenario in feature.walk_scenarios(with_outlines=True):
        yield from scenario.tags
