#!/usr/bin/env python
"""Django's command-line utility for the newsroom site."""

import os
import sys
from pathlib import Path

# site/ is a plain folder, not a package: a package called "site" would shadow
# the standard library's site module. Its contents are importable from here on.
sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))

# Test commands get the fast test settings unless the caller chose others.
TEST_COMMANDS = {"test", "behave", "acceptance_report"}


def main():
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    default = "newsroom.test_settings" if command in TEST_COMMANDS else "newsroom.settings"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", default)
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
