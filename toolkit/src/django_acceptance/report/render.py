"""Both pages of a run's report: the specification (<reports>/index.html) and Allure's (<reports>/allure.html).

The specification needs behave's step registry to say which steps are not yet written, so the
project's environment.py (whose module-level lines register its step types) and step modules are
loaded here as behave loads them. Allure's page is rendered only where Allure Report is installed
(the npm package `allure`); without it the specification is written alone, and says so.
"""

import json
import os
import re
import shutil
import subprocess
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django_acceptance.report import page, spec

# Allure's page loads Google Analytics when opened online (allure 3.18 has no option to turn it off);
# a report of a project's runs stays on the reader's machine.
ANALYTICS = re.compile(
    r'<script async src="https://www\.googletagmanager\.com/.*?</script>\s*<script>.*?</script>', re.S
)
# Allure Report 3's settings: one self-contained page (it opens from disk, offline), grouped by
# feature and rule, each result headed with its scenario's name, the way it ran its parameter.
ALLURE_CONFIG = """export default {{
  name: {name},
  historyPath: {history},
  historyLimit: 30,
  // Labels for the machinery, not for a reader: the specification page finds results by location.
  hideLabels: ["location", "scenario", "trace", "framework", "language", "host", "thread", "severity"],
  plugins: {{
    awesome: {{
      options: {{ singleFile: true, reportLanguage: "en", groupBy: ["feature", "story"] }},
    }},
  }},
}};
"""


class ReportError(Exception):
    """The report cannot be rendered; the message says why and what to do."""


def step_registry(project):
    """behave's registry with the project's steps and parameter types, as in a run."""
    from behave.runner_util import exec_file, load_step_modules

    from django_acceptance.report.formatters import step_registry as the_runs

    # After a run in this process, its registry (behave keeps the one it imported its steps into).
    registry = the_runs()
    if not any(registry.steps.values()):
        features = project.path(project.features)
        hooks = features / "environment.py"
        if hooks.exists():
            exec_file(str(hooks), {"__file__": str(hooks), "__name__": "environment"})
        load_step_modules([str(features / "steps")])
    return registry


def render_spec(project, folders, output, allure_href=None):
    """Write the specification page; return the Run it shows."""
    run = spec.build(
        project.root, folders, [project.features], step_registry(project), catalogue=project.step_catalogue
    )
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    full = None
    if run.partial and (output.parent / "index.html").exists():
        written = datetime.fromtimestamp((output.parent / "index.html").stat().st_mtime, UTC)
        full = ("index.html", written.strftime("%Y-%m-%d %H:%M UTC"))
    # The speed figures of the last benchmark, where the project keeps them beside the page.
    bench = output.with_name("bench.json")
    bench_href = bench.name if bench.is_file() else None
    html = page.render(
        run, allure_href=allure_href, title=project.title, output=output.parent, full=full, bench_href=bench_href
    )
    output.write_text(html, encoding="utf-8")
    return run


def spec_page_of(project, folders, output=None):
    """Where the specification of these results goes: index.html for a full run, partial.html for part of one."""
    _, _, properties = spec.load_results(folders)
    folder = Path(output) if output else project.path(project.reports)
    return folder / ("partial.html" if spec.partial_selections(properties) else "index.html")


def write_run_page(project, results_folder):
    """After a run: its specification page (not Allure's, which takes npm seconds); the line that says where."""
    folders = [Path(results_folder).resolve()]
    if not any(folders[0].glob("*-result.json")):
        return None
    target = spec_page_of(project, folders)
    run = render_spec(project, folders, target)
    shown = os.path.relpath(target)
    if run.partial:
        return f"The specification of this part of the suite: {shown} (the full one stays index.html)."
    return f"The specification: {shown}"


def allure_command(project):
    """Allure Report's command: the project's npm package (beside ROOT or here), or one on PATH; else None."""
    for local in (project.path("node_modules/.bin/allure"), Path("node_modules/.bin/allure").resolve()):
        if local.exists():
            return str(local)
    return shutil.which("allure")


def render_allure(project, folders, output, allure):
    """Write Allure's page from the folders of results; return its counts (passed, failed, ..., flaky)."""
    with tempfile.TemporaryDirectory() as rendered:
        config = Path(rendered) / "allurerc.mjs"
        history = project.path(project.reports) / "history.jsonl"
        config.write_text(ALLURE_CONFIG.format(name=json.dumps(project.title), history=json.dumps(str(history))))
        out = Path(rendered) / "out"
        command = [allure, "generate", *map(str, folders), "--config", str(config), "-o", str(out)]
        done = subprocess.run(command, cwd=project.root, capture_output=True, text=True)
        if done.returncode or not (out / "index.html").exists():
            raise ReportError(f"allure generate failed ({done.returncode}): {(done.stderr or done.stdout).strip()}")
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        html = (out / "index.html").read_text(encoding="utf-8")
        Path(output).write_text(ANALYTICS.sub("", html, count=1), encoding="utf-8")
        summary = json.loads((out / "summary.json").read_text())
    return {**summary.get("stats", {}), "flaky": len(summary.get("flakyTests", []))}
