#!/usr/bin/env python3
"""Break the site's templates on purpose, one break at a time, and see which driver notices.

The mutation tool changes Python only. Templates break in their own ways (a missing
CSRF token, a renamed field, a lost label, a draft listed, HTML not escaped), so
each break below is applied to a copy of the project, the acceptance suite runs in
client mode and in browser mode (stopping at the first failing scenario), and the
result says which caught it. Results go to reports/template_breaks.json.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from breaks import ROOT, broken, copy_project

T = "site/articles/templates/articles"

# name, file, text to replace, replacement, whether the test client can see it at all
BREAKS = [
    ("missing CSRF token", f"{T}/article_form.html", "    {% csrf_token %}\n", "", True),
    (
        "renamed field",
        f"{T}/article_detail.html",
        '{% include "form_fields.html" with form=comment_form %}',
        '<label for="id_body">Your comment:</label> <textarea id="id_body" name="comment"></textarea>',
        True,
    ),
    ("missing label", "site/templates/form_fields.html", "      {{ field.label_tag }}\n", "", True),
    (
        "a draft shown in a list",
        f"{T}/article_list.html",
        "{% for article in articles %}",
        "{% for article in view.model.objects.all %}",
        True,
    ),
    ("HTML not escaped", f"{T}/article_detail.html", "{{ comment.body }}", "{{ comment.body|safe }}", True),
]
DRIVERS = {"client": [], "browser": ["-D", "driver=browser"]}


def caught(project, driver):
    command = [sys.executable, "manage.py", "behave", "--stop", "-f", "null", "--no-junit", *DRIVERS[driver]]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True)
    return result.returncode != 0


def main():
    results = []
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "project"
        copy_project(project)
        for name, file, old, new, client_can_see in BREAKS:
            with broken(project, file, old, new, name):
                row = {"break": name, "file": file, **{d: caught(project, d) for d in DRIVERS}}
            row["client_can_see"] = client_can_see
            results.append(row)
            marks = "  ".join(f"{d}: {'caught' if row[d] else 'MISSED'}" for d in DRIVERS)
            print(f"{name:<26} {marks}", flush=True)
    report = ROOT / "reports" / "template_breaks.json"
    report.parent.mkdir(exist_ok=True)
    report.write_text(json.dumps(results, indent=2) + "\n")
    missed = [r["break"] for r in results if not (r["client"] or r["browser"])]
    client_gaps = [r["break"] for r in results if r["browser"] and r["client_can_see"] and not r["client"]]
    print(
        f"{len(results) - len(missed)} of {len(results)} template breaks caught; "
        f"caught by the browser but not the client: {', '.join(client_gaps) or 'none'}"
    )
    return 1 if missed or client_gaps else 0


if __name__ == "__main__":
    sys.exit(main())
