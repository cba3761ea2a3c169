#!/usr/bin/env python3
"""Break the site's templates on purpose, one break at a time, and see which driver notices.

The mutation tool changes Python only. Templates break in their own ways (a missing
CSRF token, a renamed field, a lost label, a draft listed, HTML not escaped), so
each break below is applied to a copy of the project, the acceptance suite runs in
client mode and in browser mode (stopping at the first failing scenario), and the
result says which caught it. Results go to reports/template_breaks.json.
"""

import json
import sys
import tempfile
from pathlib import Path

from breaks import ROOT, broken, copy_project, suite_fails

T = "site/articles/templates/articles"

# name, file, text to replace, replacement (every one of them visible to the test client too)
BREAKS = [
    ("missing CSRF token", f"{T}/article_form.html", "    {% csrf_token %}\n", ""),
    (
        "renamed field",
        f"{T}/article_detail.html",
        '{% include "form_fields.html" with form=comment_form %}',
        '<label for="id_body">Your comment:</label> <textarea id="id_body" name="comment"></textarea>',
    ),
    ("missing label", "site/templates/form_fields.html", "      {{ field.label_tag }}\n", ""),
    (
        "a draft shown in a list",
        f"{T}/article_list.html",
        "{% for article in articles %}",
        "{% for article in view.model.objects.all %}",
    ),
    ("HTML not escaped", f"{T}/article_detail.html", "{{ comment.body }}", "{{ comment.body|safe }}"),
]
DRIVERS = {"client": [], "browser": ["-D", "driver=browser"]}


def caught(project, driver):
    return suite_fails(project, "--stop", *DRIVERS[driver])


def main():
    results = []
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "project"
        copy_project(project)
        for name, file, old, new in BREAKS:
            with broken(project, file, old, new, name):
                row = {"break": name, "file": file, **{d: caught(project, d) for d in DRIVERS}}
            results.append(row)
            marks = "  ".join(f"{d}: {'caught' if row[d] else 'MISSED'}" for d in DRIVERS)
            print(f"{name:<26} {marks}", flush=True)
    report = ROOT / "reports" / "template_breaks.json"
    report.parent.mkdir(exist_ok=True)
    report.write_text(json.dumps(results, indent=2) + "\n")
    missed = [r["break"] for r in results if not (r["client"] or r["browser"])]
    client_gaps = [r["break"] for r in results if r["browser"] and not r["client"]]
    print(
        f"{len(results) - len(missed)} of {len(results)} template breaks caught; "
        f"caught by the browser but not the client: {', '.join(client_gaps) or 'none'}"
    )
    return 1 if missed or client_gaps else 0


if __name__ == "__main__":
    sys.exit(main())
