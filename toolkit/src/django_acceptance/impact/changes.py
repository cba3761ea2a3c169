"""What changed since a commit, as git says it: files, and for each the lines of the old version it touches.

Old-side line numbers are what the impact map speaks of: it was recorded on the code of
the commit compared with. Uncommitted changes count (the comparison is with the working
tree), and so do files git does not track yet.
"""

import re
import subprocess
from dataclasses import dataclass, field

HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


class GitError(Exception):
    """git cannot answer (not a repository, an unknown REF); the message says what to do."""


class NotACheckout(GitError):
    """The project is not a git checkout (a release archive, a copy), or git is not installed."""


@dataclass
class Change:
    path: str
    status: str = "modified"  # modified, added, deleted
    # Lines of the old version that were replaced or removed.
    lines: set = field(default_factory=set)
    # Old lines after which new lines were inserted (0: before the first line).
    insertions: set = field(default_factory=set)
    # True when git shows no lines (a binary file, a change of mode only).
    whole: bool = False


def git(root, *arguments):
    try:
        result = subprocess.run(["git", *arguments], cwd=root, capture_output=True, text=True, timeout=60)
    except FileNotFoundError:
        raise NotACheckout("git is not installed") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {arguments[0]} took over 60 s") from None
    if result.returncode:
        message = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "git failed"
        if "not a git repository" in message.lower():
            raise NotACheckout(f"{root} is not a git checkout") from None
        raise GitError(message)
    return result.stdout


def resolve(root, ref):
    """The commit REF names, or GitError with git's own reason."""
    try:
        return git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").strip()
    except NotACheckout:
        raise
    except GitError:
        raise GitError(
            f"--changed {ref}: not a commit here; give a commit, a branch or a tag (default HEAD)."
        ) from None


def changes_since(root, ref):
    """Every file changed between REF and the working tree, with its old lines touched; new untracked files too."""
    commit = resolve(root, ref)
    # --relative: paths from the project's folder (ROOT), which may lie below git's top folder.
    changes = parse_diff(
        git(root, "diff", "--relative", "-U0", "--no-color", "--no-ext-diff", "--no-renames", commit, "--")
    )
    for path in git(root, "ls-files", "--others", "--exclude-standard").splitlines():
        if path:
            changes.append(Change(path, status="added", whole=True))
    return commit, changes


def parse_diff(text):
    """The Changes of `git diff -U0` output."""
    changes = []
    current = None
    for line in text.splitlines():
        if line.startswith("diff --git "):
            current = Change(_b_path(line), whole=True)
            changes.append(current)
        elif current is None:
            continue
        elif line.startswith("new file mode"):
            current.status = "added"
        elif line.startswith("deleted file mode"):
            current.status = "deleted"
        elif line.startswith("--- a/"):
            current.path = line[len("--- a/") :]
        elif line.startswith("+++ b/") and current.status != "deleted":
            current.path = line[len("+++ b/") :]
        elif match := HUNK.match(line):
            current.whole = False
            start, count = int(match.group(1)), int(match.group(2) or 1)
            if count == 0:
                current.insertions.add(start)
            else:
                current.lines.update(range(start, start + count))
    return changes


def _b_path(header):
    # "diff --git a/x b/x": paths with spaces are quoted by git; the ---/+++ lines that follow correct it.
    return header.split(" b/", 1)[-1]
