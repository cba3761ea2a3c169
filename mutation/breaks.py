"""Shared by the break scripts: a throw-away copy of the project, one kind of deliberate break in it,
and the scenarios a break is judged by, found in the feature files by name."""

import shutil
import subprocess
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FEATURES = ROOT / "features"


@dataclass(frozen=True)
class Break:
    """One deliberate change to the site: `old` replaced by `new` in `file` (or each old by its new, for tuples).

    `scenario` names the scenario that must catch it (None: any scenario of the run may);
    `tried` says what the break lets happen, and `how` which way around a rule it opens.
    """

    scenario: str | None
    file: str
    old: str | tuple[str, ...]
    new: str | tuple[str, ...]
    tried: str = ""
    how: str = ""

    @property
    def where(self):
        """The first line of the text the break replaces, for a line of output."""
        old = self.old[0] if isinstance(self.old, tuple) else self.old
        return old.strip().splitlines()[0][:60]

    @contextmanager
    def applied(self, project):
        """The project with this break in it, restored after."""
        path = project / self.file
        original = changed = path.read_text()
        pairs = zip(self.old, self.new, strict=True) if isinstance(self.old, tuple) else [(self.old, self.new)]
        for before, after in pairs:
            if before not in changed:
                label = self.scenario or self.tried
                raise SystemExit(f"“{before.strip()}” is no longer in {self.file}: update the break for “{label}”.")
            changed = changed.replace(before, after, 1)
        path.write_text(changed)
        try:
            yield
        finally:
            path.write_text(original)


def copy_project(target):
    ignore = shutil.ignore_patterns(".git", ".venv", "node_modules", "reports", "*.sqlite3", "__pycache__")
    shutil.copytree(ROOT, target, ignore=ignore)


@cache
def _scenarios():
    """(name, "features/FILE:LINE", rule name or None) of every scenario, each example of an outline apart."""
    from behave.parser import parse_file

    found = []
    for path in sorted(FEATURES.rglob("*.feature")):
        feature = parse_file(str(path))
        place = path.relative_to(ROOT)
        groups = [(None, feature.scenarios)] + [(rule.name, rule.scenarios) for rule in feature.rules]
        for rule, scenarios in groups:
            for scenario in scenarios:
                for one in getattr(scenario, "scenarios", None) or [scenario]:
                    found.append((one.name, f"{place}:{one.line}", rule))
    return tuple(found)


@cache
def scenarios_named(name):
    """The FILE:LINE of every scenario whose name contains `name` (each example of an outline apart)."""
    locations = tuple(location for full, location, _ in _scenarios() if name in full)
    if not locations:
        raise SystemExit(f"No scenario in features/ is named “{name}”: name one of its scenarios, or part of its name.")
    return locations


def rule_of(name):
    """The `Rule:` the scenarios named `name` sit under, as the feature file writes it."""
    rules = {rule for full, _, rule in _scenarios() if name in full}
    scenarios_named(name)  # says so when no scenario has the name
    if len(rules) > 1:
        under = "; ".join(sorted(rule or "no Rule:" for rule in rules))
        raise SystemExit(f"“{name}” names scenarios under {len(rules)} rules ({under}): name one of them.")
    if None in rules:
        raise SystemExit(f"“{name}” is not under a Rule: in features/: put it under the rule it specifies.")
    return rules.pop()


def suite_fails(project, *arguments):
    """True when the acceptance suite, run in the copy with these arguments, fails."""
    command = [sys.executable, "manage.py", "behave", "-f", "null", "--no-junit", "--no-summary", *arguments]
    return subprocess.run(command, cwd=project, capture_output=True).returncode != 0


def scenario_fails(project, name, *arguments):
    """True when the scenarios named `name`, run alone in the copy with these arguments, fail."""
    return suite_fails(project, *arguments, *scenarios_named(name))
