"""A project's side of the toolkit: every path and name that differs from one project to the next.

A project says them in one setting, `ACCEPTANCE = {...}`; what it leaves out takes the default
below. Paths are relative to ROOT, the project's folder (by default the settings' BASE_DIR, or
the folder `manage.py` runs from). `python manage.py check` says in one line what is wrong.
"""

import difflib
import functools
import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULTS = {
    # The project's folder: the features, reports and code roots below are relative to it.
    "ROOT": None,
    # Where behave finds the features, the steps (FEATURES/steps) and environment.py.
    "FEATURES": "features",
    # Where a run writes its results, evidence, JUnit files and the specification page.
    "REPORTS": "reports",
    # The specification page's title.
    "TITLE": "The specification",
    # Scenarios with this tag always run in a browser, whatever -D driver says.
    "BROWSER_TAG": "browser",
    # The step catalogue people writing scenarios read, and the file that lists the tags; None: none.
    "STEP_CATALOGUE": None,
    "TAGS_FILE": None,
    # axe-core's script, for -D accessibility=check (npm's axe-core), and the violations a project
    # accepts: one a line, "rule page-pattern reason"; None: none accepted.
    "AXE_CORE": "node_modules/axe-core/axe.min.js",
    "ACCESSIBILITY_ACCEPTED": None,
    # --changed: the folders of the project's own code (Python and templates), each holding apps
    # (a folder an app); the files whose change runs everything (settings); the paths no run
    # reads (documentation, the project's other tests and tools). A settings file's own folder
    # (urls.py, wsgi.py beside it) is the project's configuration: a change there runs everything.
    "CODE_ROOTS": ["."],
    # --changed: template folders outside the apps (default: the DIRS of the TEMPLATES setting).
    "TEMPLATE_DIRS": None,
    "SETTINGS_FILES": [],
    "IGNORED": ["docs/", ".github/"],
    # The project's own run options (-D name=value), which the toolkit lets through: "name", or
    # "name=one|other" for one whose values the toolkit checks (a wrong one stops the run in one line).
    "OPTIONS": [],
}

PATHS = ("FEATURES", "REPORTS", "STEP_CATALOGUE", "TAGS_FILE", "AXE_CORE", "ACCESSIBILITY_ACCEPTED")
LISTS = ("CODE_ROOTS", "TEMPLATE_DIRS", "SETTINGS_FILES", "IGNORED", "OPTIONS")


class SettingError(Exception):
    """The ACCEPTANCE setting is wrong; the message says which key and what it may be."""


@dataclass(frozen=True)
class Project:
    """The ACCEPTANCE setting, read once, with its paths as the project names them (relative to root)."""

    root: Path
    features: str = "features"
    reports: str = "reports"
    title: str = "The specification"
    browser_tag: str = "browser"
    step_catalogue: str | None = None
    tags_file: str | None = None
    axe_core: str | None = None
    accessibility_accepted: str | None = None
    code_roots: tuple = (".",)
    template_dirs: tuple = ()
    settings_files: tuple = ()
    ignored: tuple = ()
    options: tuple = field(default_factory=tuple)
    # name -> the values a project's option may take (none: any)
    option_values: dict = field(default_factory=dict)

    def path(self, relative):
        """A path of the setting's, absolute."""
        return self.root / relative

    def here(self, relative):
        """A path of the setting's as the person at the terminal names it: relative to where the run is."""
        return os.path.relpath(self.path(relative))


def read(values, base_dir=None, template_dirs=()):
    """The Project of an ACCEPTANCE setting (a dict); SettingError if a key or a value is wrong.

    template_dirs: the TEMPLATES setting's DIRS, the default of TEMPLATE_DIRS.
    """
    if values is None:
        values = {}
    if not isinstance(values, dict):
        raise SettingError(f"ACCEPTANCE is a {type(values).__name__}: make it a dict, e.g. ACCEPTANCE = {{}}.")
    unknown = sorted(set(values) - set(DEFAULTS))
    if unknown:
        near = difflib.get_close_matches(unknown[0], DEFAULTS, n=1)
        hint = f"did you mean {near[0]!r}? The keys are" if near else "use"
        raise SettingError(f"ACCEPTANCE[{unknown[0]!r}] is not a key of the setting: {hint} {', '.join(DEFAULTS)}.")
    merged = {**DEFAULTS, **values}
    for key in PATHS:
        if merged[key] is not None and not isinstance(merged[key], str | Path):
            raise SettingError(f"ACCEPTANCE[{key!r}] is a {type(merged[key]).__name__}: give a path, or None.")
    for key in ("FEATURES", "REPORTS"):
        if not merged[key]:
            raise SettingError(f"ACCEPTANCE[{key!r}] is empty: give a folder, e.g. {DEFAULTS[key]!r}.")
    for key in LISTS:
        if merged[key] is None and key == "TEMPLATE_DIRS":
            continue
        if isinstance(merged[key], str) or not all(isinstance(item, str | Path) for item in merged[key]):
            raise SettingError(f"ACCEPTANCE[{key!r}] must be a list of strings, e.g. {DEFAULTS[key] or ['name']!r}.")
    if merged["ROOT"] is not None and not isinstance(merged["ROOT"], str | Path):
        raise SettingError(f"ACCEPTANCE['ROOT'] is a {type(merged['ROOT']).__name__}: give the project's folder.")
    root = Path(merged["ROOT"] or base_dir or Path.cwd()).resolve()

    def inside(key, path):
        """A path of the project's, relative to ROOT with / separators (an absolute one inside ROOT is made so)."""
        path = Path(path)
        if path.is_absolute():
            if not path.resolve().is_relative_to(root):
                raise SettingError(f"ACCEPTANCE[{key!r}] names {path}, outside ROOT ({root}): give a path inside it.")
            path = path.resolve().relative_to(root)
        return path.as_posix()

    templates = merged["TEMPLATE_DIRS"]
    if templates is None:
        # The TEMPLATES setting's folders that are inside the project.
        templates = [d for d in template_dirs if Path(d).resolve().is_relative_to(root)]
    options, option_values = _options(merged["OPTIONS"])
    return Project(
        root=root,
        features=inside("FEATURES", merged["FEATURES"]).rstrip("/"),
        reports=str(merged["REPORTS"]).rstrip("/"),
        title=str(merged["TITLE"]),
        browser_tag=str(merged["BROWSER_TAG"]).lstrip("@"),
        step_catalogue=_optional(merged["STEP_CATALOGUE"]),
        tags_file=_optional(merged["TAGS_FILE"]),
        axe_core=_optional(merged["AXE_CORE"]),
        accessibility_accepted=_optional(merged["ACCESSIBILITY_ACCEPTED"]),
        code_roots=tuple(_folder(inside("CODE_ROOTS", p)) for p in merged["CODE_ROOTS"]),
        template_dirs=tuple(f for p in templates if (f := _folder(inside("TEMPLATE_DIRS", p)))),
        settings_files=tuple(inside("SETTINGS_FILES", p) for p in merged["SETTINGS_FILES"]),
        ignored=tuple(inside("IGNORED", p) + ("/" if str(p).endswith("/") else "") for p in merged["IGNORED"]),
        options=options,
        option_values=option_values,
    )


def _options(entries):
    """("name", "other=one|two") -> the names, and the values each may take."""
    from django_acceptance.options import OPTION_NAMES

    names, values = [], {}
    for entry in entries:
        name, _, allowed = str(entry).partition("=")
        if not name.isidentifier():
            raise SettingError(f"ACCEPTANCE['OPTIONS'] has {entry!r}: a run option's name is a word, as in 'tenant'.")
        if name in OPTION_NAMES:
            raise SettingError(f"ACCEPTANCE['OPTIONS'] has {name!r}, which is the toolkit's own run option.")
        names.append(name)
        if allowed:
            values[name] = tuple(allowed.split("|"))
    return tuple(names), values


def _optional(path):
    return None if path is None else str(path)


def _folder(path):
    """ "src" -> "src/"; "." -> "" (the whole project)."""
    path = str(path).strip("/")
    return "" if path in ("", ".") else f"{path}/"


def from_settings():
    """The Project of Django's settings (ACCEPTANCE, BASE_DIR, TEMPLATES), or of the defaults without settings."""
    from django.conf import settings

    if not settings.configured:
        return read(None)
    templates = [str(d) for engine in getattr(settings, "TEMPLATES", []) for d in engine.get("DIRS", [])]
    return read(getattr(settings, "ACCEPTANCE", None), getattr(settings, "BASE_DIR", None), templates)


# The settings they are read from.
READ_FROM = ("ACCEPTANCE", "BASE_DIR", "TEMPLATES")


@functools.cache
def project():
    """The running project's setting, read once.

    A test that overrides one of READ_FROM gets it read again (apps.py clears this on setting_changed).
    """
    return from_settings()
