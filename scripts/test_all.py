#!/usr/bin/env python3
"""Every test of the project, one stage after another, and one line that counts them.

Stages: the linters, Django's deploy check with production settings, the toolkit's own
tests (toolkit/tests) on Django 5.2 and on Django 6.1, the driver contract (the client and
Chromium on the toolkit's own hard pages), the site's Django tests, the
acceptance suite through the test client, and every feature in a real browser, with
axe-core's accessibility checks on every page it visits; then the report of both runs,
reports/index.html. The client and browser stages record reports/impact.json, the map
`--changed` reads. A failing stage does not stop the others, so one run tells everything
that is broken. The last line reads
`N passed, N failed, N skipped`: scenarios, Django tests, linters and the report.
"""

import os
import re
import secrets
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# The nightly workflow, checked by actionlint (requirements.txt installs it beside Python).
ACTIONLINT = str(Path(PYTHON).with_name("actionlint"))
WORKFLOWS = sorted(str(p) for p in (Path(__file__).resolve().parent.parent / ".github" / "workflows").glob("*.yml"))
REPORTS = ROOT / "reports"
# The impact map of what each scenario runs (toolkit/src/django_acceptance/impact/), refreshed by the SQLite stages.
RECORD = ["-D", "impact=record"]
# A command that each stage's commands run through (scripts/postgres.py run --), or none.
THROUGH = []
# Production settings as a real site's environment gives them: debug off, its own secret and host.
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "newsroom.example.net",
}


def run(command, env=None, cwd=None):
    command = [*THROUGH, *command]
    print(f"\n$ {' '.join(command)}", flush=True)
    environment = {**os.environ, **env} if env else None
    process = subprocess.Popen(
        command, cwd=cwd or ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    lines = []
    for line in process.stdout:
        sys.stdout.write(line)
        lines.append(line)
    return process.wait(), "".join(lines)


def lint(name, command, env=None):
    status, _ = run(command, env)
    return (1, 0, 0) if status == 0 else (0, 1, 0)


def django_tests(command=None, cwd=None):
    status, output = run(command or [PYTHON, "manage.py", "test", "--noinput"], cwd=cwd)
    ran = re.search(r"^Ran (\d+) tests?", output, re.M)
    total = int(ran.group(1)) if ran else 0
    problems = sum(int(n) for n in re.findall(r"(?:failures|errors)=(\d+)", output))
    skipped = sum(int(n) for n in re.findall(r"skipped=(\d+)", output))
    if status and not problems:
        problems = 1  # It did not get as far as running tests.
    return total - problems - skipped, problems, skipped


def scenarios(name, *options):
    junit = REPORTS / "junit" / name
    for old in junit.glob("*.xml"):
        old.unlink()
    # Each stage writes the report's results to a folder of its own; report() renders them together.
    results = ["-D", f"results=reports/allure-results/{name}"]
    status, _ = run([PYTHON, "manage.py", "behave", "--junit", "--junit-directory", str(junit), *results, *options])
    passed = failed = skipped = 0
    for path in junit.glob("*.xml"):
        for case in ET.parse(path).getroot().iter("testcase"):
            if case.find("failure") is not None or case.find("error") is not None:
                failed += 1
            elif case.find("skipped") is not None:
                skipped += 1
            else:
                passed += 1
    if status and not failed:
        failed = 1  # The run stopped before its scenarios (a hook, a wrong option).
    return passed, failed, skipped


def report(*stages):
    """One page, reports/index.html, with every stage's results side by side (scripts/report.py).

    A stage that was skipped (PostgreSQL missing) wrote no results and is left out.
    """
    folders = [f"reports/allure-results/{stage}" for stage in stages]
    status, _ = run([PYTHON, "scripts/report.py", *(f for f in folders if (ROOT / f).is_dir())])
    return (1, 0, 0) if status == 0 else (0, 1, 0)


def toolkit_tests(python):
    """The toolkit's own tests, with its own test project (toolkit/tests), in the environment of python.

    The Django 6 environment (make's .venv-django6) needs Python 3.12 or newer; where set-up
    found none it is skipped, with one line (under CI, a failure).
    """
    if not Path(python).exists():
        ci = os.environ.get("CI") == "true"
        print(f"\n{python} does not exist: no Python 3.12 or newer for Django 6 ({'failed' if ci else 'skipped'})")
        return (0, 1, 0) if ci else (0, 0, 1)
    command = [python, "-m", "django", "test", "tests", "--settings=tests.settings", "--noinput"]
    return django_tests(command, cwd=ROOT / "toolkit")


def contract_tests():
    """The driver contract (toolkit/tests/contract) for the client and Chromium, as `make contract` runs it."""
    command = [PYTHON, "-m", "django", "test", "tests.contract.suite", "--settings=tests.settings", "--noinput"]
    return django_tests(command, cwd=ROOT / "toolkit")


def on_postgres(stage):
    """The stage again, against a throwaway PostgreSQL cluster (scripts/postgres.py).

    Without PostgreSQL it is skipped, with one line saying how to get it; under CI
    (CI=true), where `make test` installs it, that is a failure instead.
    """

    def staged():
        check = subprocess.run([PYTHON, "scripts/postgres.py", "check"], cwd=ROOT, capture_output=True, text=True)
        if check.returncode:
            ci = os.environ.get("CI") == "true"
            print(f"\n{check.stderr.strip()} ({'failed: CI needs it' if ci else 'stage skipped'})", flush=True)
            return (0, 1, 0) if ci else (0, 0, 1)
        THROUGH[:] = [PYTHON, "scripts/postgres.py", "run", "--"]
        try:
            return stage()
        finally:
            THROUGH.clear()

    return staged


def main():
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    stages = [
        ("ruff", lambda: lint("ruff", [PYTHON, "-m", "ruff", "check", "."])),
        ("steps", lambda: lint("steps", [PYTHON, "scripts/check_steps.py"])),
        ("actionlint", lambda: lint("actionlint", [ACTIONLINT, *WORKFLOWS])),
        ("migrations", lambda: lint("migrations", [PYTHON, "manage.py", "makemigrations", "--check", "--dry-run"])),
        # Django's deploy check, warnings included, with HSTS, the HTTPS redirect and secure cookies as set by default.
        (
            "deploy",
            lambda: lint("deploy", [PYTHON, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION),
        ),
        ("toolkit", lambda: toolkit_tests(PYTHON)),
        ("toolkit-dj6", lambda: toolkit_tests(str(ROOT / ".venv-django6" / "bin" / "python"))),
        ("contract", contract_tests),
        ("django", django_tests),
        # Scenarios tagged @browser run in the browser whatever the driver: once, in the browser stage.
        # Both stages record the lines each scenario runs, reports/impact.json, for --changed (CI keeps it).
        ("client", lambda: scenarios("client", "--tags=not @browser", *RECORD)),
        ("django-pg", on_postgres(django_tests)),
        ("client-pg", on_postgres(lambda: scenarios("client-pg", "--tags=not @browser"))),
        ("browser", lambda: scenarios("browser", "-D", "driver=browser", "-D", "accessibility=check", *RECORD)),
        ("report", lambda: report("client", "client-pg", "browser")),
    ]
    if sys.argv[1:2] == ["--only"]:
        stages = [stage for stage in stages if stage[0] in sys.argv[2:]]
    totals = [0, 0, 0]
    print_rows = []
    for name, stage in stages:
        result = stage()
        print_rows.append((name, *result))
        totals = [a + b for a, b in zip(totals, result, strict=True)]
    print(f"\n{'stage':<11} passed  failed  skipped")
    for name, passed, failed, skipped in print_rows:
        print(f"{name:<11} {passed:>6}  {failed:>6}  {skipped:>7}")
    passed, failed, skipped = totals
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
