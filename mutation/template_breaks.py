#!/usr/bin/env python3
"""Break the site's templates on purpose, one break at a time, and see which driver notices.

The mutation tool changes Python only. Templates break in their own ways (a missing
CSRF token, a renamed field, a lost label, a draft listed, HTML not escaped), so
each break below is applied to a copy of the project, the acceptance suite runs in
client mode and in browser mode (stopping at the first failing scenario), and the
result says which caught it. Then breaks that only hurt people who use a screen
reader or cannot tell faint text from its background: the browser run with axe-core's
checks on (`-D accessibility=check`) must catch each, and the line it fails with is
printed. Results go to reports/template_breaks.json.

`--browser webkit` (or firefox) runs the browser side in that browser instead of
Chromium; its results go to reports/template_breaks-<browser>.json.
"""

import argparse
import json
import sys
import tempfile
from pathlib import Path

from breaks import ROOT, Break, copy_project, suite_fails

T = "site/articles/templates/articles"

# Breaks any scenario may catch (no scenario named), every one of them visible to the test client too.
BREAKS = [
    Break(
        None,
        f"{T}/article_form.html",
        "    {% csrf_token %}{% sent_once_key %}\n",
        "    {% sent_once_key %}\n",
        tried="missing CSRF token",
    ),
    Break(
        None,
        f"{T}/article_detail.html",
        '{% include "form_fields.html" with form=comment_form %}',
        '<label for="id_body">Your comment:</label> <textarea id="id_body" name="comment"></textarea>',
        tried="renamed field",
    ),
    Break(None, "site/templates/form_fields.html", "      {{ field.label_tag }}\n", "", tried="missing label"),
    Break(
        None,
        f"{T}/article_list.html",
        "{% for article in articles %}",
        "{% for article in view.model.objects.all %}",
        tried="a draft shown in a list",
    ),
    Break(None, f"{T}/article_detail.html", "{{ comment.body }}", "{{ comment.body|safe }}", tried="HTML not escaped"),
]
DRIVERS = {"client": [], "browser": ["-D", "driver=browser"]}
# Breaks that hurt only people who use a screen reader or see contrast poorly (the label's words stay on show).
ACCESSIBILITY_BREAKS = [
    Break(
        None,
        "site/templates/form_fields.html",
        "      {{ field.label_tag }}\n",
        '      <span class="label">{{ field.label }}</span><label for="{{ field.id_for_label }}"></label>\n',
        tried="a field without its label",
    ),
    Break(
        None,
        "site/newsroom/static/css/site.css",
        ".byline { color: #555;",
        ".byline { color: #bbb;",
        tried="text of too little contrast",
    ),
    Break(
        None,
        "site/templates/base.html",
        ">Newsroom</a>",
        '><img src="data:," width="24" height="24"> Newsroom</a>',
        tried="an image without alternative text",
    ),
    Break(None, "site/templates/base.html", '<html lang="en">', "<html>", tried="a page without its language"),
]
ACCESSIBILITY = ["-D", "driver=browser", "-D", "accessibility=check"]


def caught(project, driver):
    return suite_fails(project, "--stop", *DRIVERS[driver])


def first_violation(project):
    """The first violation line of the failed run's evidence, or what else it failed with."""
    for error in sorted((project / "reports" / "failures" / "browser").glob("*/error.txt")):
        lines = error.read_text().splitlines()
        found = [line.strip() for line in lines if line.startswith("  ")]
        return found[0] if found else next((line for line in lines if "FAILED" in line), lines[0])
    return ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--browser", choices=("chromium", "firefox", "webkit"), default="chromium")
    browser = parser.parse_args().browser
    for options in (DRIVERS["browser"], ACCESSIBILITY):
        options += ["-D", f"browser={browser}"]
    results = []
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "project"
        copy_project(project)
        for each in BREAKS:
            with each.applied(project):
                row = {"break": each.tried, "file": each.file, **{d: caught(project, d) for d in DRIVERS}}
            results.append(row)
            marks = "  ".join(f"{d}: {'caught' if row[d] else 'MISSED'}" for d in DRIVERS)
            print(f"{each.tried:<26} {marks}", flush=True)
        # axe-core comes from the project's own node_modules (`npm ci`), which the copy leaves out.
        (project / "node_modules").symlink_to(ROOT / "node_modules")
        for each in ACCESSIBILITY_BREAKS:
            with each.applied(project):
                failed = suite_fails(project, "--stop", *ACCESSIBILITY)
                line = first_violation(project) if failed else ""
                # A run that stopped before any scenario (no axe-core, say) has caught nothing.
                row = {
                    "break": each.tried,
                    "file": each.file,
                    "accessibility": bool(line),
                    "line": line or "the run did not fail",
                }
            results.append(row)
            print(f"{each.tried:<34} {'caught' if row['accessibility'] else 'MISSED'}: {row['line']}", flush=True)
    report = ROOT / "reports" / ("template_breaks.json" if browser == "chromium" else f"template_breaks-{browser}.json")
    report.parent.mkdir(exist_ok=True)
    report.write_text(json.dumps(results, indent=2) + "\n")
    missed = [r["break"] for r in results if not (r.get("client") or r.get("browser") or r.get("accessibility"))]
    client_gaps = [r["break"] for r in results if r.get("browser") and "client" in r and not r["client"]]
    print(
        f"{len(results) - len(missed)} of {len(results)} template breaks caught "
        f"({len(ACCESSIBILITY_BREAKS)} of them with the accessibility checks on); "
        f"caught by the browser but not the client: {', '.join(client_gaps) or 'none'}"
    )
    return 1 if missed or client_gaps else 0


if __name__ == "__main__":
    sys.exit(main())
