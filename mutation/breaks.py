"""Shared by the break scripts: a throw-away copy of the project, and one deliberate break in it."""

import shutil
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def copy_project(target):
    ignore = shutil.ignore_patterns(".git", ".venv", "node_modules", "reports", "*.sqlite3", "__pycache__")
    shutil.copytree(ROOT, target, ignore=ignore)


@contextmanager
def broken(project, file, old, new, name):
    """The project with `old` replaced by `new` in `file`, restored afterwards."""
    path = project / file
    original = path.read_text()
    if old not in original:
        raise SystemExit(f"“{old.strip()}” is no longer in {file}: update the break “{name}”.")
    path.write_text(original.replace(old, new, 1))
    try:
        yield
    finally:
        path.write_text(original)
