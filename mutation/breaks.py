"""Shared by the break scripts: a throw-away copy of the project, and one deliberate break in it."""

import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def copy_project(target):
    ignore = shutil.ignore_patterns(".git", ".venv", "node_modules", "reports", "*.sqlite3", "__pycache__")
    shutil.copytree(ROOT, target, ignore=ignore)


@contextmanager
def broken(project, file, old, new, name):
    """The project with `old` replaced by `new` in `file` (or each old by its new, for lists), restored after."""
    path = project / file
    original = changed = path.read_text()
    pairs = zip(old, new, strict=True) if isinstance(old, list) else [(old, new)]
    for before, after in pairs:
        if before not in changed:
            raise SystemExit(f"“{before.strip()}” is no longer in {file}: update the break “{name}”.")
        changed = changed.replace(before, after, 1)
    path.write_text(changed)
    try:
        yield
    finally:
        path.write_text(original)


def suite_fails(project, *arguments):
    """True when the acceptance suite, run in the copy with these arguments, fails."""
    command = [sys.executable, "manage.py", "behave", "-f", "null", "--no-junit", "--no-summary", *arguments]
    return subprocess.run(command, cwd=project, capture_output=True).returncode != 0
