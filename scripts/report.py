#!/usr/bin/env python3
"""Render the report from one or several folders of results: the specification and Allure's page.

    scripts/report.py                       the results of the last `python manage.py behave`
    scripts/report.py DIR [DIR ...]         several runs in one report (make test: client and browser)
    scripts/report.py DIR --output FOLDER   the pages somewhere else than reports/

`python manage.py acceptance_report` (the toolkit's command) with the test settings: reports/index.html,
the specification, and reports/allure.html, Allure Report 3's page (`npm ci` installs it).
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    command = [sys.executable, str(ROOT / "manage.py"), "acceptance_report", *sys.argv[1:]]
    sys.exit(subprocess.run(command, cwd=ROOT).returncode)
