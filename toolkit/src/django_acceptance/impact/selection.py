"""`--changed REF`: which scenarios a change since REF can affect, from the impact map.

Each changed file is placed by what the map knows of it:
  - a template: the scenarios that rendered a changed line; a changed line that no scenario
    rendered ({% else %}, {% endif %}, a comment, a branch nobody took) selects every scenario
    that rendered any line of the template;
  - the project's Python (under the code roots of the ACCEPTANCE setting): the scenarios that
    ran the changed statement. A line that runs when
    the module is imported (a module-level statement, a class body, a def or class line) is
    read by Django's own code as much as by the file's (a form's fields, a view's template,
    a model's fields), so it selects every scenario that ran any line, Python or template,
    of the file's app or of an app that imports it;
  - a feature file: all its scenarios;
  - documentation, the project's own Django tests, the paths the setting's IGNORED lists: nothing.
Anything else (settings, migrations, the suite's steps and support, what is not under a code
root, a new or deleted file) is a change the map cannot place: every scenario runs, and one line says why.
So does a missing map, or one recorded on other code than REF.
"""

import ast
from dataclasses import dataclass, field
from pathlib import Path

from django_acceptance.impact import map as impact_map
from django_acceptance.impact.changes import GitError, changes_since, git

RECORD = "python manage.py behave -D impact=record"
# Files no behave run reads, in any project.
IGNORED_FILES = (".gitignore",)


@dataclass
class Selection:
    """The locations to run (None: every scenario) and the line that says why."""

    locations: list | None
    message: str
    changed: list = field(default_factory=list)


def select(root, ref, scenarios, layout):
    """The Selection for a change since REF among these scenarios (behave's selection, in file order)."""
    from django_acceptance.parallel.schedule import location

    root = Path(root)
    everything = f"running all {len(scenarios)} scenarios"
    commit, changes = changes_since(root, ref)
    map_path = layout.map_path
    recorded = impact_map.load(root / map_path)
    if recorded is None:
        return Selection(None, f"no impact map at {map_path}: record one with `{RECORD}`; {everything}.")
    if stale := _stale(root, commit, recorded, layout):
        return Selection(
            None,
            f"{map_path} was recorded on other code than {ref} ({stale} differs): "
            f"record it again with `{RECORD}`; {everything}.",
        )
    placer = Placer(root, commit, recorded, layout)
    chosen, features, ignored = set(), set(), 0
    for change in changes:
        kind, why = classify(change, layout)
        if kind == "ignored":
            ignored += 1
        elif kind == "feature":
            features.add(change.path)
        elif kind == "unplaced":
            return Selection(None, f"{change.path} changed, which the impact map cannot place ({why}): {everything}.")
        else:
            chosen |= placer.place(change, kind)
    placed = [c.path for c in changes if classify(c, layout)[0] != "ignored"]
    unmapped = [s for s in scenarios if location(s) not in recorded.scenarios]
    selected = [
        location(s)
        for s in scenarios
        if location(s) in chosen or s.filename in features or location(s) not in recorded.scenarios
    ]
    if not placed:
        what = f"nothing since {ref} that a scenario runs" if ignored else f"nothing changed since {ref}"
        return Selection([], f"{what}: no scenario to run.", placed)
    files = placed[0] if len(placed) == 1 else f"{len(placed)} files"
    extra = f" ({len(unmapped)} not in the map run too)" if unmapped else ""
    return Selection(
        selected,
        f"{len(selected)} of {len(scenarios)} scenarios can notice the change since {ref} ({files}){extra}.",
        placed,
    )


def with_paths(behave_args, locations):
    """behave's arguments with these locations in place of the paths they name."""
    from behave.configuration import setup_parser

    given = set(setup_parser().parse_known_args(behave_args)[0].paths or ())
    return [arg for arg in behave_args if arg not in given] + list(locations)


def classify(change, layout):
    """(kind, why): kind is template, python, feature, ignored or unplaced; why says what the map cannot place."""
    path = change.path
    features = f"{layout.features}/"
    # Settings first: a test_settings.py is settings, not one of the project's tests.
    if path in layout.settings_files and change.status == "modified":
        return "unplaced", "settings"
    if (
        path.startswith(layout.ignored)
        or path in IGNORED_FILES
        or path in layout.documents
        or path.endswith(".md")
        or (layout.code_root(path) is not None and not path.startswith(features) and layout.is_test(path))
    ):
        return "ignored", ""
    if path.startswith(features) and path.endswith(".feature"):
        return ("feature", "") if change.status != "deleted" else ("ignored", "")
    if change.status != "modified":
        return "unplaced", f"a {'new' if change.status == 'added' else 'deleted'} file"
    if path in layout.settings_files:
        return "unplaced", "settings"
    if "/migrations/" in path:
        return "unplaced", "a migration"
    if path.startswith(features):
        return "unplaced", "the suite's own steps and support"
    if any(Path(path).parent == Path(settings).parent for settings in layout.settings_files):
        return "unplaced", "the project's configuration"
    if layout.is_template(path) and layout.is_code(path):
        return "template", ""
    if layout.code_root(path) is None or not layout.app(path):
        return "unplaced", "not the project's code"
    if path.endswith(".py"):
        return "python", ""
    return "unplaced", "not the project's code"


class Placer:
    """The scenarios one changed file of the site selects, from the map and the file as it was at REF."""

    def __init__(self, root, commit, recorded, layout):
        self.root = root
        self.commit = commit
        self.map = recorded
        self.layout = layout
        self._importers = None

    def place(self, change, kind):
        if change.whole or not (change.lines or change.insertions):
            return self.map.runners(change.path) if kind == "template" else self._app_wide(change.path)
        path, runners = change.path, self.map.runners
        chosen = set()
        if kind == "template":
            for line in change.lines:
                chosen |= runners(path, {line}) or runners(path)
            # New lines render where the lines either side of them do.
            for after in change.insertions:
                chosen |= runners(path, {after, after + 1}) or runners(path)
            return chosen
        try:
            spans = PythonSpans(self._old_source(path))
        except (SyntaxError, ValueError, GitError):
            return self._app_wide(path)
        for line in change.lines:
            span = spans.span(line)
            if span is None:
                return self._app_wide(path)
            chosen |= runners(path, set(range(span[0], span[1] + 1)))
        # New statements run wherever the function they are in is run, whatever their indentation.
        for after in change.insertions:
            functions = [spans.function_body(after), spans.function_body(after + 1)]
            if None in functions:
                return self._app_wide(path)
            for first, last in functions:
                chosen |= runners(path, set(range(first, last + 1)))
        return chosen

    def _old_source(self, path):
        return git(self.root, "show", f"{self.commit}:./{path}")

    def _app_wide(self, path):
        app = self.layout.app
        apps = self._apps_reaching(app(path))
        scenarios = self.map.scenarios.items()
        return {location for location, entry in scenarios if any(app(ran) in apps for ran in entry["lines"])}

    def _apps_reaching(self, app):
        """The app and every app of the project that imports it, directly or not."""
        if self._importers is None:
            self._importers = _app_importers(self.root, self.commit, self.layout)
        found, todo = {app}, [app]
        while todo:
            for importer in self._importers.get(todo.pop(), ()):
                if importer not in found:
                    found.add(importer)
                    todo.append(importer)
        return found


class PythonSpans:
    """Which recorded lines stand for a line of a Python file: its statement, or None for code run at import."""

    def __init__(self, source):
        self.tree = ast.parse(source)
        self.functions = [
            (node.body[0].lineno, node.end_lineno, node)
            for node in ast.walk(self.tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        ]

    def _innermost(self, line):
        inside = [f for f in self.functions if f[0] <= line <= f[1]]
        return min(inside, key=lambda f: f[1] - f[0]) if inside else None

    def function_body(self, line):
        """(first, last) lines of the body of the innermost function this line is in; None at import level."""
        function = self._innermost(line)
        return function[:2] if function else None

    def span(self, line):
        """(first, last) lines whose runs select a change of this line; None when it runs at import."""
        if (innermost := self._innermost(line)) is None:
            return None
        start, end, function = innermost
        best = None
        for node in ast.walk(function):
            if node is function or not isinstance(node, (ast.stmt, ast.excepthandler)):
                continue
            if node.lineno <= line <= node.end_lineno and (
                best is None or node.end_lineno - node.lineno <= best.end_lineno - best.lineno
            ):
                best = node
        if best is None:  # A blank line or a comment between the function's statements.
            return start, end
        body = getattr(best, "body", None)
        if not body:
            return best.lineno, best.end_lineno
        if line < body[0].lineno:  # The header of a compound statement (if, for, with, a nested def).
            return best.lineno, body[0].lineno - 1
        # Between its clauses (else:, finally:): any line of the whole statement.
        return best.lineno, best.end_lineno


def _app_importers(root, commit, layout):
    """app -> the other apps of the project whose modules import one of its modules."""
    importers = {}
    roots = [root.rstrip("/") or "." for root in layout.code_roots]
    paths = [
        p
        for p in git(root, "ls-tree", "-r", "--name-only", commit, "--", *roots).splitlines()
        if p.endswith(".py") and layout.is_code(p)
    ]
    # An app is imported by its module name: src/shop -> shop.
    apps = {layout.app(p).rsplit("/", 1)[-1]: layout.app(p) for p in paths if layout.app(p)}
    for path in paths:
        if layout.is_test(path) or "/migrations/" in path or not layout.app(path):
            continue
        try:
            tree = ast.parse(git(root, "show", f"{commit}:./{path}"))
        except (SyntaxError, ValueError, GitError):
            continue
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            for name in names:
                imported = apps.get(name.split(".")[0])
                if imported and imported != layout.app(path):
                    importers.setdefault(imported, set()).add(layout.app(path))
    return importers


def _stale(root, commit, recorded, layout):
    """The first code file whose content at the commit differs from what the map was recorded on, or ''."""
    at_commit = {}
    for line in git(root, "ls-tree", "-r", commit, "--", *layout.pathspecs).splitlines():
        meta, _, path = line.partition("\t")
        if layout.is_code(path):
            at_commit[path] = meta.split()[2]
    for path in sorted(set(at_commit) | set(recorded.code)):
        if at_commit.get(path) != recorded.code.get(path):
            return path
    return ""
