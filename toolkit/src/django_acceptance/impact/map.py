"""The impact map, <reports>/impact.json: for each scenario, the project's Python and template lines it ran.

It also keeps the code it was recorded on (git's blob hash of every file under the code roots
and of every feature file), so that a comparison with a commit can tell whether the map's line
numbers still speak of that commit's files. Lines are kept as ranges ("3-9,12") to stay
small as the suite grows.
"""

import hashlib
import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

VERSION = 1
# A project's own tests (a tests/ package or a tests.py of an app, test_*.py): no scenario runs them.
TESTS = re.compile(r"(^|/)(tests/|tests\.py$|test_[^/]*\.py$)")


@dataclass(frozen=True)
class Layout:
    """Where a project keeps its code, features and settings, as --changed reads them (the ACCEPTANCE setting).

    code_roots are folders as prefixes ("src/"; "" for the whole project), each holding apps, a
    folder an app. A map is recorded on the code under them, and on the feature files.
    """

    code_roots: tuple = ("",)
    # Template folders outside the apps (the TEMPLATES setting's DIRS), as prefixes.
    template_dirs: tuple = ()
    features: str = "features"
    settings_files: tuple = ()
    ignored: tuple = ("docs/",)
    reports: str = "reports"
    # Files in the features folder that no run reads (the step catalogue, the list of tags).
    documents: tuple = ()

    @classmethod
    def of(cls, project):
        """The Layout of a conf.Project."""
        return cls(
            code_roots=project.code_roots,
            template_dirs=project.template_dirs,
            features=project.features,
            settings_files=project.settings_files,
            ignored=(*project.ignored, f"{project.reports}/"),
            reports=project.reports,
            documents=tuple(p for p in (project.step_catalogue, project.tags_file) if p),
        )

    @property
    def map_path(self):
        return Path(self.reports) / "impact.json"

    @property
    def pathspecs(self):
        """The code roots and the features folder, as git takes them."""
        roots = [*self.code_roots, *self.template_dirs]
        return [root.rstrip("/") or "." for root in roots] + [self.features]

    def code_root(self, path):
        """The code root a path is under (the longest), or None."""
        roots = [root for root in self.code_roots if path.startswith(root)]
        return max(roots, key=len) if roots else None

    def app(self, path):
        """src/shop/views.py -> src/shop: the app a file of the project's code is in ('' for none)."""
        root = self.code_root(path)
        if root is None:
            return ""
        parts = path[len(root) :].split("/")
        return root + parts[0] if len(parts) > 1 else ""

    def is_template(self, path):
        """A template: in an app's templates/ folder, or in a template folder of the settings."""
        return "/templates/" in f"/{path}" or path.startswith(self.template_dirs)

    def is_test(self, path):
        """One of the project's own tests, which no scenario runs (a test_settings.py is settings, not a test)."""
        return bool(TESTS.search(path)) and path not in self.settings_files

    def is_code(self, path):
        """Whether the map keeps a hash of this file: under a code root (not compiled Python), or a feature file."""
        if "__pycache__" in path or path.endswith(".pyc"):
            return False
        if path.endswith(".feature"):
            return True
        if path.startswith(self.ignored) or path.startswith(f"{self.features}/"):
            return False
        return self.code_root(path) is not None or (bool(self.template_dirs) and path.startswith(self.template_dirs))


class ImpactMap:
    def __init__(self, code, scenarios, recorded=""):
        self.code = code  # path -> blob hash
        self.scenarios = scenarios  # location -> {"name": str, "drivers": [..], "lines": {path: set}}
        self.recorded = recorded

    # Reading

    def lines_of(self, location):
        entry = self.scenarios.get(location)
        return entry["lines"] if entry else None

    def runners(self, path, lines=None):
        """Locations of the scenarios that ran any of these lines of path (any line at all when None)."""
        found = set()
        for location, entry in self.scenarios.items():
            ran = entry["lines"].get(path)
            if ran and (lines is None or not ran.isdisjoint(lines)):
                found.add(location)
        return found

    def ran_files(self):
        return {path for entry in self.scenarios.values() for path in entry["lines"]}

    # Writing

    def merged_into(self, older):
        """This map with the scenarios of an older one it did not run, when both were recorded on the same code."""
        if older is None or older.code != self.code:
            return self
        scenarios = dict(older.scenarios)
        for location, entry in self.scenarios.items():
            kept = scenarios.get(location)
            if kept:
                # Recorded in another driver too (a browser stage after a client one): keep both.
                lines = {p: set(s) for p, s in kept["lines"].items()}
                for path, ran in entry["lines"].items():
                    lines.setdefault(path, set()).update(ran)
                drivers = sorted(set(kept["drivers"]) | set(entry["drivers"]))
                entry = {**entry, "drivers": drivers, "lines": lines}
            scenarios[location] = entry
        return ImpactMap(self.code, scenarios, self.recorded)

    def to_json(self):
        return {
            "version": VERSION,
            "recorded": self.recorded,
            "code": self.code,
            "scenarios": {
                location: {
                    "name": entry["name"],
                    "drivers": entry["drivers"],
                    "lines": {path: ranges(ran) for path, ran in sorted(entry["lines"].items())},
                }
                for location, entry in sorted(self.scenarios.items())
            },
        }


def load(path):
    """The map at path, or None when there is none or it cannot be read."""
    try:
        data = json.loads(Path(path).read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return None
    scenarios = {
        location: {
            "name": entry.get("name", ""),
            "drivers": entry.get("drivers", []),
            "lines": {p: parse_ranges(r) for p, r in entry.get("lines", {}).items()},
        }
        for location, entry in data.get("scenarios", {}).items()
    }
    return ImpactMap(data.get("code", {}), scenarios, data.get("recorded", ""))


def save(impact_map, path):
    """Write the map, merged with the one already there if that was recorded on the same code; atomically."""
    path = Path(path)
    impact_map = impact_map.merged_into(load(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".json.tmp")
    partial.write_text(json.dumps(impact_map.to_json(), separators=(",", ":")) + "\n")
    partial.replace(path)
    return impact_map


def now():
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


# The code a map is recorded on


def blob_hash(data):
    """git's hash of a file's content (what `git hash-object` prints)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def working_tree_code(root, tracked, layout):
    """Blob hashes of the tracked code files as they are on disk now."""
    code = {}
    for path in tracked:
        if layout.is_code(path):
            try:
                code[path] = blob_hash((Path(root) / path).read_bytes())
            except OSError:
                continue
    return code


def ranges(lines):
    """{1, 2, 3, 7} -> "1-3,7"."""
    out, start, last = [], None, None
    for n in sorted(lines):
        if start is None:
            start = last = n
        elif n == last + 1:
            last = n
        else:
            out.append(f"{start}-{last}" if last > start else str(start))
            start = last = n
    if start is not None:
        out.append(f"{start}-{last}" if last > start else str(start))
    return ",".join(out)


def parse_ranges(text):
    lines = set()
    for part in filter(None, text.split(",")):
        first, _, last = part.partition("-")
        lines.update(range(int(first), int(last or first) + 1))
    return lines


def relative(root, filename):
    """A measured file's path from the project root, with / separators; None outside it."""
    try:
        return Path(os.path.realpath(filename)).relative_to(os.path.realpath(root)).as_posix()
    except ValueError:
        return None
