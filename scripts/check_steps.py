#!/usr/bin/env python3
"""Fails on an undefined step, an unused step definition or an ambiguous step.

behave's own dry run finds all three without touching a database: undefined and
unused steps in its steps.usage report, ambiguous ones when it loads the steps.
"""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = re.compile(r"^(UNUSED STEP DEFINITIONS|UNDEFINED STEPS)\[\d+\]:\n(?:  .*\n?)+", re.M)


def main():
    result = subprocess.run(
        [sys.executable, "manage.py", "behave", "--dry-run", "--no-summary", "-f", "steps.usage", "--format", "null"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    output = result.stdout + result.stderr
    problems = [match.group(0).rstrip() for match in SECTIONS.finditer(output)]
    ambiguous = re.search(r"AmbiguousStep: (.*)", output)
    if ambiguous:
        problems.append(f"Ambiguous step: {ambiguous.group(1)}")
    if result.returncode and not problems:
        problems.append(output.strip().splitlines()[-1] if output.strip() else "behave --dry-run failed")
    if problems:
        print("\n".join(problems))
        return 1
    print("Steps: every step is defined once and every definition is used.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
