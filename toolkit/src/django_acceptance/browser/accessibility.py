"""axe-core's accessibility checks, run on every page a browser scenario visits (`-D accessibility=check`).

Each page is checked once per state. The browser first hashes the page's structure:
its elements, their attributes, and whether each holds text, but not the text itself
nor the values of fields, which change with every CSRF token and article title. A
state already found clean in this run is not checked again. A state with violations
is checked every time it is reached, so every scenario that reaches it fails, whatever
ran first, and its evidence shows that page's own elements. A violation of impact
serious or critical fails the step that led to the page, one line per rule; every
violation of any impact goes into the scenario's evidence folder.
"""

import fnmatch
import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from django_acceptance.drivers.base import DriverError
from django_acceptance.drivers.scripts import plain

# WCAG 2.2 level A and AA, as axe tags its rules (2.0, 2.1 and 2.2 criteria each have their own tags).
STANDARD = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
FAILING = ("critical", "serious")

LOOPBACK = ("127.0.0.1", "localhost", "::1")


class AccessibilityError(DriverError):
    """A page the scenario reached has serious or critical accessibility violations."""


@dataclass(frozen=True)
class Accepted:
    rule: str
    page: str
    reason: str
    line: int

    def covers(self, rule, path):
        return rule == self.rule and fnmatch.fnmatchcase(path, self.page)


def setup_problem(project):
    """What stops the checks from running, in one line; None when nothing does."""
    if not project.axe_core:
        return "-D accessibility=check needs axe-core: name its axe.min.js in ACCEPTANCE['AXE_CORE']."
    if not project.path(project.axe_core).exists():
        return (
            f"-D accessibility=check needs axe-core at {project.axe_core}: `npm install axe-core` installs it "
            "(or name where it is in ACCEPTANCE['AXE_CORE'])."
        )
    try:
        read_accepted(project)
    except (OSError, ValueError) as error:
        return str(error)
    return None


def read_accepted(project):
    """The violations the project accepts (ACCEPTANCE['ACCESSIBILITY_ACCEPTED']): a rule, a page pattern, why."""
    if not project.accessibility_accepted:
        return []
    name = project.accessibility_accepted
    try:
        text = project.path(name).read_text()
    except OSError as error:
        what = f"ACCEPTANCE['ACCESSIBILITY_ACCEPTED'] is {name}"
        raise OSError(f"{what}, which cannot be read: {error.strerror}") from None
    accepted = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split(None, 2)
        if len(parts) < 3:
            raise ValueError(f"{name}:{number}: give a rule, a page and the reason: {line.strip()}")
        accepted.append(Accepted(*parts, line=number))
    return accepted


class Accessibility:
    """The run's checker: axe's source, the accepted violations and the result of every page state checked."""

    def __init__(self, project):
        self.server = None
        self.axe = project.path(project.axe_core)
        self.accepted = read_accepted(project)
        self.results = {}  # page state -> violations
        self.version = "?"
        self.checked = self.reused = 0

    def for_scenario(self):
        return ScenarioChecks(self)

    def violations(self, wd, site):
        """(path, violations) of the page on show, from axe or from an earlier check of the same state.

        Only the site's own pages are checked: a page of another origin (one a scenario plays
        as another site) has no violations here.
        """
        page_origin, state = wd.execute_script(plain("page_state"))
        path = state.rsplit(" ", 1)[0]
        if page_origin != f"{site.scheme}://{site.netloc}":
            return path, []
        # A state that had violations is checked again, so the evidence shows this page's own elements.
        if state in self.results and not self.results[state]:
            self.reused += 1
            return path, []
        if self.server is None:
            self.server = AxeServer(site.hostname, self.axe)
        found = wd.execute_async_script(plain("axe_run"), self.server.url, STANDARD)
        if "error" in found:
            raise AccessibilityError(f"axe-core could not check {path}: {found['error']}")
        self.version = found["version"]
        self.checked += 1
        violations = [self._judged(v, path) for v in found["violations"]]
        self.results[state] = violations
        return path, violations

    def _judged(self, violation, path):
        reason = next((a.reason for a in self.accepted if a.covers(violation["id"], path)), None)
        return {**violation, "accepted": reason}

    def close(self):
        if self.server is not None:
            self.server.stop()
            self.server = None

    def summary(self):
        return f"accessibility: {self.checked} page states checked with axe-core {self.version}, {self.reused} reused"


class ScenarioChecks:
    """What one scenario's pages showed; fails the step that reaches a page with serious or critical violations."""

    def __init__(self, accessibility):
        self.accessibility = accessibility
        self.pages = []  # (path, violations), for pages with any

    def check(self, driver):
        path, violations = self.accessibility.violations(driver.wd, urlsplit(driver.base_url))
        if violations:
            self.pages.append((path, violations))
        failing = [v for v in violations if v["impact"] in FAILING and not v["accepted"]]
        if failing:
            lines = "\n".join(_one_line(v, path) for v in failing)
            raise AccessibilityError(
                f"{path} fails WCAG 2.2 AA (axe-core): {len(failing)} serious or critical "
                f"violation{'s' if len(failing) > 1 else ''}:\n{lines}"
            )

    def evidence(self):
        """Every violation of any impact on the scenario's pages: name -> (suffix, text)."""
        if not self.pages:
            return {}
        return {
            "accessibility": (".txt", "\n".join(_page_report(path, violations) for path, violations in self.pages)),
            "accessibility-axe": (".json", json.dumps([{"page": p, "violations": v} for p, v in self.pages], indent=2)),
        }


class AxeServer:
    """Serves axe.min.js to the browser, which caches it: sending its 650 kB through
    WebDriver for every page took about 65 ms a page, loading it from the cache a few.

    It listens beside the live server, on the host name the browser reaches that by.
    """

    def __init__(self, public_host, axe):
        source = Path(axe).read_bytes()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "text/javascript")
                self.send_header("Content-Length", str(len(source)))
                self.send_header("Cache-Control", "max-age=86400")
                self.end_headers()
                self.wfile.write(source)

            def log_message(self, *args):
                pass  # One line per page would bury the run's own output.

        host = public_host if public_host in LOOPBACK else "0.0.0.0"
        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.url = f"http://{public_host}:{self.httpd.server_address[1]}/axe.min.js"
        # Polled every 50 ms, so that shutdown() returns at once rather than after up to 0.5 s.
        threading.Thread(target=self.httpd.serve_forever, args=(0.05,), name="axe-server", daemon=True).start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def _one_line(violation, path):
    """rule (impact) at element(s) on page: what axe says to fix. Where axe explains it."""
    targets = [node["target"] for node in violation["nodes"]]
    where = ", ".join(targets[:3]) + (f" and {len(targets) - 3} more" if len(targets) > 3 else "")
    rule = f"{violation['id']} ({violation['impact']})"
    return f"  {rule} at {where} on {path}: {violation['help']}. {violation['helpUrl']}"


def _page_report(path, violations):
    lines = [f"{path}: {len(violations)} violation{'s' if len(violations) > 1 else ''} of WCAG 2.2 A/AA"]
    for violation in violations:
        accepted = f" (accepted: {violation['accepted']})" if violation["accepted"] else ""
        lines.append(f"\n{_one_line(violation, path).strip()}{accepted}")
        for node in violation["nodes"]:
            lines.append(f"  - {node['target']}\n    {node['html']}")
            lines.extend(f"    {line}" for line in (node["summary"] or "").splitlines())
    return "\n".join(lines) + "\n"
