#!/usr/bin/env python3
"""Fails on an undefined step, an unused step definition, an ambiguous step, or a stale step catalogue.

behave's own dry run finds all of them without touching a database: undefined and
unused steps in its steps.usage report, ambiguous ones when it loads the steps, and
the catalogue (features/STEPS.txt) is its steps.catalog report.
"""

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DRY_RUN = [sys.executable, "manage.py", "behave", "--dry-run", "--no-summary"]
SECTIONS = re.compile(r"^(UNUSED STEP DEFINITIONS|UNDEFINED STEPS)\[\d+\]:\n(?:  .*\n?)+", re.M)


def main():
    with tempfile.TemporaryDirectory() as folder:
        usage, catalogue = Path(folder) / "usage.txt", Path(folder) / "STEPS.txt"
        # One dry run writes both reports.
        result = subprocess.run(
            [*DRY_RUN, "-f", "steps.usage", "-o", usage, "-f", "steps.catalog", "-o", catalogue],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        output = result.stdout + result.stderr + (usage.read_text() if usage.exists() else "")
        current = catalogue.read_text() if catalogue.exists() else ""
    problems = [match.group(0).rstrip() for match in SECTIONS.finditer(output)]
    ambiguous = re.search(r"AmbiguousStep: (.*)", output)
    if ambiguous:
        problems.append(f"Ambiguous step: {ambiguous.group(1)}")
    if result.returncode and not problems:
        problems.append(output.strip().splitlines()[-1] if output.strip() else "behave --dry-run failed")
    if not problems and current.strip() != (ROOT / "features" / "STEPS.txt").read_text().strip():
        problems.append("features/STEPS.txt is out of date: run `make catalogue`.")
    if problems:
        print("\n".join(problems))
        return 1
    print("Steps: every step is defined once and every definition is used; the catalogue is current.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
