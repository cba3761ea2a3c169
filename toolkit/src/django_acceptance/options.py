"""The run options (`-D name=value`, defaults in behave.ini's [behave.userdata]), checked before anything starts."""

import os
import socket
import weakref
from dataclasses import dataclass, fields

DRIVERS = ("client", "browser")
BROWSERS = ("chromium", "firefox", "webkit")
ACCESSIBILITY = ("off", "check")
SCREENSHOTS = ("failures", "steps")
IMPACT = ("off", "record")
TRACE = ("failed", "all", "off")
PAGE = ("on", "off")
TRUE, FALSE = {"true", "yes", "1", "on"}, {"false", "no", "0", "off"}


class OptionError(Exception):
    """A run option is wrong; the message says which and what it may be."""


def _choice(userdata, name, choices, default):
    value = userdata.get(name, default).strip().lower()
    if value not in choices:
        raise OptionError(f"-D {name}={value!r} is not a valid {name}: use one of {', '.join(choices)}.")
    return value


def _flag(userdata, name, default):
    value = userdata.get(name, default).strip().lower()
    if value not in TRUE | FALSE:
        raise OptionError(f"-D {name}={value!r} is not true or false.")
    return value in TRUE


def _number(userdata, name, default, kind, low, high):
    value = userdata.get(name, default)
    try:
        number = kind(value)
    except ValueError:
        number = None
    if number is None or not low <= number <= high:
        raise OptionError(f"-D {name}={value!r} is not a number from {low} to {high}.")
    return number


def _folder(userdata, name, default):
    value = userdata.get(name, default).strip()
    if not value:
        raise OptionError(f"-D {name}= is empty: give a folder, e.g. -D {name}={default}.")
    return value


def _file_or_off(userdata, name, default):
    value = userdata.get(name, default).strip()
    if not value:
        raise OptionError(f"-D {name}= is empty: give a file, e.g. -D {name}={default}, or off.")
    return "" if value.lower() == "off" else value


@dataclass(frozen=True)
class Options:
    driver: str = "client"
    browser: str = "chromium"
    headless: bool = True
    remote_url: str = ""
    timeout: float = 10.0
    # Where the live server listens, and the host name the browser uses to reach it.
    # A browser on a Selenium Grid node needs an address it can reach: bind 0.0.0.0
    # and give this machine's name as server_public_host.
    server_host: str = "127.0.0.1"
    server_port: int = 0
    server_public_host: str = ""
    # Failure evidence goes to <evidence_dir>/<driver>/<feature>--<scenario>/.
    evidence_dir: str = "reports/failures"
    # check: axe-core checks every page a browser scenario visits (browser/accessibility.py).
    accessibility: str = "off"
    # Where to write the run's timings, for a benchmark; empty: nowhere.
    timings: str = ""
    # The report's raw results (report/results.py); manage.py acceptance_report renders them.
    results: str = "reports/allure-results/acceptance"
    # steps: a browser scenario's report shows the page after every step that changed it.
    screenshots: str = "failures"
    # How many more times a failing browser scenario runs; one that then passes is reported flaky.
    retries: int = 0
    # Where passed scenarios' times are kept for the next parallel run's order; off: nowhere.
    durations: str = "reports/durations.json"
    # record: note which of the project's lines each scenario runs, in <reports>/impact.json (for --changed).
    impact: str = "off"
    # Seconds the live server holds every request before answering it: a slow site, to bring
    # out steps that go on before the site has answered. 0: answer at once.
    slow_site: float = 0.0
    # What the site did during each step (report/trace.py), kept in the evidence folder: of failed
    # scenarios, of all, or of none.
    trace: str = "failed"
    # on: the run writes the specification page (<reports>/index.html, or partial.html for part of the suite).
    page: str = "on"

    # The tag of the scenarios that always run in a browser (the ACCEPTANCE setting's BROWSER_TAG).
    browser_tag: str = "browser"

    @classmethod
    def from_userdata(cls, userdata, project=None):
        """The run's options from behave's userdata; the project (conf.Project) names its own -D names and folders."""
        if project is None:
            from django_acceptance.conf import project as current

            project = current()
        # Dotted names belong to formatters (AllureFormatter.issue_pattern...); the project's own are its steps'.
        known = [*OPTION_NAMES, *project.options]
        unknown = sorted(name for name in userdata if "." not in name and name not in known)
        if unknown:
            raise OptionError(f"-D {unknown[0]} is not a run option: use one of {', '.join(known)}.")
        for name, allowed in project.option_values.items():
            if name in userdata:
                _choice(userdata, name, allowed, allowed[0])
        reports = project.here(project.reports)
        remote_url = userdata.get("remote_url", "") or os.environ.get("SELENIUM_REMOTE_URL", "")
        server_host = userdata.get("server_host", cls.server_host)
        driver = _choice(userdata, "driver", DRIVERS, cls.driver)
        accessibility = _choice(userdata, "accessibility", ACCESSIBILITY, cls.accessibility)
        if accessibility == "check":
            from django_acceptance.browser.accessibility import setup_problem

            if problem := setup_problem(project):
                raise OptionError(problem)
        return cls(
            driver=driver,
            browser=_choice(userdata, "browser", BROWSERS, cls.browser),
            headless=_flag(userdata, "headless", "true"),
            remote_url=remote_url.rstrip("/"),
            timeout=_number(userdata, "timeout", str(cls.timeout), float, 0.5, 600),
            server_host=server_host,
            server_port=_number(userdata, "server_port", "0", int, 0, 65535),
            server_public_host=userdata.get("server_public_host", "")
            or (socket.gethostname() if server_host in ("0.0.0.0", "::") else server_host),
            evidence_dir=os.path.join(userdata.get("evidence_dir", f"{reports}/failures"), driver),
            accessibility=accessibility,
            timings=userdata.get("timings", ""),
            results=_folder(userdata, "results", f"{reports}/allure-results/acceptance"),
            screenshots=_choice(userdata, "screenshots", SCREENSHOTS, cls.screenshots),
            retries=_number(userdata, "retries", "0", int, 0, 10),
            durations=_file_or_off(userdata, "durations", f"{reports}/durations.json"),
            impact=_choice(userdata, "impact", IMPACT, cls.impact),
            slow_site=_number(userdata, "slow_site", "0", float, 0, 10),
            trace=_choice(userdata, "trace", TRACE, cls.trace),
            page=_choice(userdata, "page", PAGE, cls.page),
            browser_tag=project.browser_tag,
        )

    def driver_for(self, scenario):
        """client or browser: scenarios with the browser tag (@browser) always run in the browser."""
        return "browser" if self.browser_tag in scenario.effective_tags else self.driver

    def ran_in(self, scenario):
        """How the report names the way a scenario ran: client, or the browser (chromium, firefox...)."""
        from django.db import connection

        if self.driver_for(scenario) == "client":
            name = "client"
        else:
            name = f"{self.browser} (grid)" if self.remote_url else self.browser
        # Runs of one scenario on other databases sit beside those on SQLite, not as their retries.
        return name if connection.vendor == "sqlite" else f"{name} on {connection.display_name}"


_parsed = weakref.WeakKeyDictionary()


def options_of(config):
    """The run options of a behave Configuration, parsed once for it (hooks, formatters and workers share them)."""
    if config not in _parsed:
        _parsed[config] = Options.from_userdata(config.userdata)
    return _parsed[config]


OPTION_NAMES = [field.name for field in fields(Options) if field.name != "browser_tag"]

# What `python manage.py behave --help` lists under "run options": name, its values, what it does.
# <reports> is the reports folder of the ACCEPTANCE setting (default reports).
HELP = [
    ("driver", f"{'|'.join(DRIVERS)} (client)", "how every scenario runs; @browser scenarios always use the browser"),
    ("browser", f"{'|'.join(BROWSERS)} (chromium)", "which browser, with -D driver=browser"),
    ("headless", "true|false (true)", "false shows the browser's window"),
    ("timeout", "seconds (10)", "how long a browser step waits for a page or a condition"),
    ("remote_url", "a Grid's URL", "run the browser on a Selenium Grid (also SELENIUM_REMOTE_URL)"),
    ("server_host", "an address (127.0.0.1)", "where the live server listens; 0.0.0.0 for Grid nodes elsewhere"),
    ("server_port", "a port (0: any free)", "the live server's port"),
    ("server_public_host", "a host name", "the name browsers use to reach the live server"),
    ("evidence_dir", "a folder (<reports>/failures)", "where a failing scenario's evidence goes"),
    ("accessibility", f"{'|'.join(ACCESSIBILITY)} (off)", "check: axe-core checks each page a browser scenario visits"),
    ("results", "a folder (<reports>/allure-results/acceptance)", "where the run writes the report's results"),
    ("screenshots", f"{'|'.join(SCREENSHOTS)} (failures)", "steps: the report shows the page after each step"),
    ("retries", "0 to 10 (0)", "a failing browser scenario runs again; one that then passes is flaky"),
    ("durations", "a file (<reports>/durations.json)|off", "where scenarios' times are kept for parallel runs"),
    ("timings", "a file", "where the run writes its figures (run and step time, scenarios), for a benchmark"),
    ("trace", f"{'|'.join(TRACE)} (failed)", "what the site did at each step, kept for failed scenarios, all, or none"),
    ("page", f"{'|'.join(PAGE)} (on)", "the run writes <reports>/index.html (partial.html for part of the suite)"),
    ("impact", f"{'|'.join(IMPACT)} (off)", "record: each scenario's lines into <reports>/impact.json, for --changed"),
    ("slow_site", "seconds (0)", "the live server holds every request this long: a slow site, for browser steps"),
]


def help_text():
    """The run options, one a line, for --help."""
    width = max(len(name) for name, _, _ in HELP)
    lines = [f"  -D {name:<{width}}  {values}: {means}" for name, values, means in HELP]
    return "Run options (-D name=value; defaults may be set in behave.ini's [behave.userdata]):\n" + "\n".join(lines)
