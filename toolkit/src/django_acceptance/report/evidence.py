"""Evidence of a failed scenario, in one folder a person can find: reports/failures/<feature>--<scenario>/."""

import shutil
from pathlib import Path

from django.core import mail
from django.utils.text import slugify


def folder_for(base, scenario):
    feature = Path(scenario.filename).stem
    return Path(base) / f"{feature}--{slugify(scenario.name)[:80]}"


def clear(base):
    """The evidence of earlier runs. Called once a run, by the process that starts it (never by a worker)."""
    shutil.rmtree(base, ignore_errors=True)


def save(base, scenario, step, driver, server_errors):
    """Write what the person saw and what the server did; return the folder."""
    folder = folder_for(base, scenario)
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "error": (".txt", f"{step.keyword} {step.name}\n\n{step.error_message}\n\nDriver: {driver.describe()}\n"),
        "outbox": (".txt", "".join(f"{m.subject} -> {', '.join(m.to)}\n" for m in mail.outbox) or "(no email sent)\n"),
    }
    if server_errors:
        files["server-errors"] = (".txt", "\n".join(server_errors))
    files.update(driver.evidence())
    files.update(accessibility_evidence(driver))
    _write(folder, files)
    return folder


def accessibility_evidence(driver):
    """The accessibility violations on the scenario's pages, of any impact (with -D accessibility=check)."""
    checks = vars(driver).get("accessibility")  # set by Run.new_driver on browser drivers
    return checks.evidence() if checks else {}


def save_accessibility(base, scenario, driver):
    """For a scenario that passed with lesser violations: write them; return the folder, or None if none."""
    files = accessibility_evidence(driver)
    if not files:
        return None
    folder = folder_for(base, scenario)
    folder.mkdir(parents=True, exist_ok=True)
    _write(folder, files)
    return folder


def _write(folder, files):
    for name, (suffix, content) in files.items():
        path = folder / f"{name}{suffix}"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
