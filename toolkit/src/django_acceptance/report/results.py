"""The report's raw results: allure-behave's formatter, taught Rules, the way each scenario ran, and retries.

Every run writes one small JSON file per scenario (and one per attachment) to `-D results=DIR`;
nothing is rendered here. `manage.py acceptance_report` renders one page from one or several such
folders (a client and a browser run side by side). File names are random UUIDs, so
several processes can write into one folder.
"""

import fcntl
import hashlib
import json
import os
import subprocess
import threading
import time
from datetime import UTC, datetime
from html import escape
from pathlib import Path

import allure
import allure_behave.listener
import allure_behave.utils
import allure_commons
from allure_behave.formatter import AllureFormatter
from allure_behave.listener import AllureListener
from allure_commons.logger import AllureFileLogger
from allure_commons.model2 import Label, Parameter, StatusDetails
from allure_commons.types import AttachmentType, LabelType
from allure_commons.utils import get_testplan, md5
from behave.formatter.base import Formatter
from behave.formatter.null import NullFormatter
from behave.model import ScenarioOutline

from django_acceptance.options import options_of
from django_acceptance.report.spec import read_properties

# How each kind of evidence file is shown, in the order a person reads them.
SHOWN_AS = {
    ".png": AttachmentType.PNG,
    ".txt": AttachmentType.TEXT,
    ".log": AttachmentType.TEXT,
    ".html": AttachmentType.HTML,
    ".json": AttachmentType.JSON,
}
# When this process started (near enough: when the formatter was loaded, before any scenario ran).
STARTED = time.time()
# The parameter that says which way a result ran: client, chromium, client on PostgreSQL...
WAY = "ran in"
DEVELOPER_LABELS = {"framework", "language", "severity", "host", "thread"}
# The ways this process ran scenarios in, for environment.properties.
WAYS = set()
# The label that names a result's trace folder.
TRACE = "trace"
FIRST = ("screenshot", "error", "url", "console", "server-errors", "outbox", "page")


class ResultsFormatter(AllureFormatter):
    """The report's results, which every run writes (or `-f allure`): one per scenario and attempt, under its rule."""

    def __new__(cls, stream_opener, config):
        # A dry run (the step check, the catalogue) runs nothing: write nothing, keep the last run's results.
        if config.dry_run:
            return NullFormatter(stream_opener, config)
        return super().__new__(cls)

    def __init__(self, stream_opener, config):
        # AllureFormatter's own set-up, with this listener and the folder of -D results.
        Formatter.__init__(self, stream_opener, config)
        options = options_of(config)
        self.listener = _Listener(config, options)
        self.file_logger = AllureFileLogger(options.results)
        allure_commons.plugin_manager.register(self.listener)
        allure_commons.plugin_manager.register(self.file_logger)
        self.testplan = get_testplan()

    def _wrap_scenario(self, scenarios):
        # A scenario the run does not select (by tags or name) is skipped, and allure-behave drops
        # the result it made for it (show_skipped is off): a result, its labels and description
        # each, some 0.2 ms a scenario, which a run of five among three hundred paid for all.
        # Left unwrapped, it makes none. An outline is kept: its examples are each looked at.
        if not self.config.show_skipped:
            scenarios = [s for s in scenarios if isinstance(s, ScenarioOutline) or s.should_run(self.config)]
        super()._wrap_scenario(scenarios)

    def feature(self, feature):
        # allure-behave wraps feature.scenarios only, which in behave 1.3 leaves out those under a Rule:
        # they would write no result at all.
        super().feature(feature)
        for rule in feature.rules:
            self._wrap_scenario(rule.scenarios)
            for scenario in rule.walk_scenarios():
                self.listener.rules[id(scenario)] = rule


class _Listener(AllureListener):
    def __init__(self, config, options):
        super().__init__(config)
        self.options = options
        self.rules = {}  # id(scenario) -> its Rule
        self.failed_attempts = {}  # id(scenario) -> attempts that failed so far in this run
        self.flaky = set()  # uuids of results that passed after failed attempts

    def start_scenario(self, scenario):
        super().start_scenario(scenario)
        result = self.logger.get_test(self.current_scenario_uuid)
        ran_in = self.options.ran_in(scenario)
        rule = self.rules.get(id(scenario))
        # The report groups by feature, rule and scenario (report/render.py); under each scenario, one
        # result per way it ran (client, chromium, firefox...), side by side. The attempts of one way
        # share its history id, so the report shows them as retries of one result.
        # An example of an outline is named "<name> -- @1.2 <examples>": its row shows as parameters instead.
        result.name = scenario.name.split(" -- @")[0]
        # What a developer's tool needs (framework, language, severity) means nothing to the report's readers.
        result.labels = [label for label in result.labels if label.name not in DEVELOPER_LABELS]
        result.labels.append(Label(name="scenario", value=result.name))
        # The specification page (report/spec.py) finds each result's scenario, or row, by its line.
        result.labels.append(Label(name="location", value=str(scenario.location)))
        if rule is not None:
            result.labels.append(Label(name=LabelType.STORY, value=rule.name))
        result.parameters = [*(result.parameters or []), Parameter(name=WAY, value=ran_in)]
        result.historyId = md5(result.historyId, ran_in)
        # Allure 3.18 shows a Markdown description as an empty section: it is given as HTML.
        result.descriptionHtml = _description(scenario, rule)
        WAYS.add(ran_in)

    def stop_scenario(self, scenario):
        key = id(scenario)
        if scenario.status.has_failed():
            self.failed_attempts[key] = self.failed_attempts.get(key, 0) + 1
        elif self.failed_attempts.get(key):
            self.flaky.add(self.current_scenario_uuid)
        super().stop_scenario(scenario)

    @allure_commons.hookimpl
    def add_label(self, label_type, labels):
        # allure-behave has no handler for allure.dynamic.label: the scenario's result takes it.
        result = self.current_scenario_uuid and self.logger.get_test(self.current_scenario_uuid)
        if result:
            result.labels.extend(Label(name=label_type, value=value) for value in labels)

    @allure_commons.hookimpl(tryfirst=True)
    def report_result(self, result):
        # Runs before the file logger writes the result: a pass after failed attempts is flaky.
        if result.uuid in self.flaky:
            result.statusDetails = StatusDetails(flaky=True, message="Passed on a retry, after failing: flaky.")


_allures_details = allure_behave.utils.step_status_details


def _step_status_details(step):
    """allure-behave's details of a step's failure, headed as the terminal's (formatters.Headline) and named as it is.

    allure-behave reads the step's exception, not its message: the site's exception would be
    lost, and a step not yet written would get a Python snippet under another name.
    """
    if getattr(step, "site_exception", None) is not None and step.status.has_failed():
        details = _allures_details(step)
        return StatusDetails(message=step.error_message, trace=details.trace if details else None)
    if step.status.name == "undefined":
        return StatusDetails(message=f"{NOT_WRITTEN}: “{step.keyword} {step.name}” matches no step.")
    return _allures_details(step)


allure_behave.utils.step_status_details = _step_status_details
allure_behave.listener.step_status_details = _step_status_details
# What a step that matches none is called everywhere: the terminal, JUnit, this report, the dry run.
NOT_WRITTEN = "Not yet written"
# Allure's categories: a failure of a step not yet written is a category of its own, by that name.
CATEGORIES = [
    {"name": NOT_WRITTEN, "matchedStatuses": ["broken", "failed", "unknown"], "messageRegex": "(?s)Not yet written.*"}
]


def _description(scenario, rule):
    """What a product owner reads above the steps: why the feature exists and the rule it checks."""
    feature = scenario.feature
    parts = [f"<p><strong>Feature: {escape(feature.name)}</strong></p>", _paragraph(feature.description)]
    if rule is not None:
        parts += [f"<p><strong>Rule: {escape(rule.name)}</strong></p>", _paragraph(rule.description)]
    parts.append(_paragraph(scenario.description))
    return "".join(part for part in parts if part)


def _paragraph(lines):
    text = " ".join(line.strip() for line in lines or [])
    return f"<p>{escape(text)}</p>" if text else ""


def clear(folder):
    """Remove the results of earlier runs: files written before this process started.

    Only those, so that processes of one run may share one folder. Called once a run, by
    the process that starts it: a worker started later than another would otherwise
    remove what the first had already written.
    """
    for path in Path(folder).glob("*"):
        if path.is_file() and path.stat().st_mtime < STARTED:
            path.unlink(missing_ok=True)


def attach_evidence(folder):
    """Attach a folder of evidence (report/evidence.py) to the step or scenario running now."""
    files = sorted(
        (p for p in Path(folder).iterdir() if p.is_file()),
        key=lambda p: (FIRST.index(p.stem) if p.stem in FIRST else 99, p.name),
    )
    for path in files:
        allure.attach.file(str(path), name=path.stem, attachment_type=SHOWN_AS.get(path.suffix, AttachmentType.TEXT))


def attach_trace(folder):
    """Name the scenario's trace folder (report/trace.py) in its result; the specification page copies it."""
    from django_acceptance.conf import project

    folder = Path(folder).resolve()
    root = project().root
    allure.dynamic.label(TRACE, folder.relative_to(root).as_posix() if folder.is_relative_to(root) else str(folder))


class StepPictures:
    """With -D screenshots=steps: the page after every When and Then step of a browser scenario that changed it.

    Given steps set the scene (people, what they own, a session) and show nothing. The pictures start
    from a blank page, so a scenario never shows the page the one before it left open.
    """

    def __init__(self, driver):
        self.driver = driver
        # Straight to the blank page: a visit goes by way of the live server's start address, which
        # forgets everyone first and sends the browser on only to addresses Django deems safe.
        driver.wd.get("about:blank")
        self.last = self._digest(self._screenshot())

    def after(self, step):
        """Picture the page if the step changed it; return the picture (for the trace), or None."""
        if step.step_type == "given":
            return None
        png = self._screenshot()
        digest = self._digest(png)
        if png and digest != self.last:
            allure.attach(png, name=f"{step.keyword} {step.name}", attachment_type=AttachmentType.PNG)
            self.last = digest
            return png
        return None

    def _screenshot(self):
        try:
            return self.driver.screenshot()
        except Exception:  # noqa: BLE001 - a picture that cannot be taken must not fail the scenario
            return None

    @staticmethod
    def _digest(png):
        return png and hashlib.sha1(png).hexdigest()


def step_pictures(driver, options):
    if options.screenshots == "steps" and driver.name == "browser":
        return StepPictures(driver)
    return None


SHARD = "BEHAVE_SHARD"  # I/N of a sharded run, set for its workers
ESCAPED_SPACE = "\\ "  # a space in a key of a properties file
# What each way means, for a reader who does not know the machinery.
MEANS = {
    "client": "Django's test client: every page and form of the site, in the test process,"
    " without a browser (no JavaScript, no CSS)",
    "chromium": "Chromium{version}, headless, driven through Selenium WebDriver against the site's live server",
    "firefox": "Firefox{version}, headless, driven through Selenium WebDriver (geckodriver)"
    " against the site's live server",
    "webkit": "WebKit (Safari's engine){version}, through WebKitGTK's WebDriver on a virtual display",
}


def describe_run(config, options, browser_version=""):
    """Write what was tested into environment.properties of the results folder (read by both reports).

    Every process of a run (a parallel run's workers too) adds the ways it ran; under a lock,
    since they end at about the same time.
    """
    folder = Path(options.results)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "categories.json").write_text(json.dumps(CATEGORIES), encoding="utf-8")
    selection = selection_of(config)
    props = {
        "started": datetime.fromtimestamp(STARTED, UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": _the_commit(),
        "selection": selection or "every feature",
        "partial": "true" if selection else "false",
    }
    from django.db import connection

    if connection.vendor == "sqlite":
        version = ".".join(map(str, connection.Database.sqlite_version_info))
    else:
        version = _server_version(connection)
    database = f"{connection.display_name} {version}".strip()
    for way in sorted(WAYS):
        base = way.split(" on ")[0]
        browser = base.replace(" (grid)", "")
        meaning = MEANS.get(browser, way).format(version=f" {browser_version}" if browser_version else "")
        if base.endswith("(grid)"):
            meaning += f", on a Selenium Grid ({options.remote_url})"
        props[f"ran in {way}"] = f"{meaning}; database {database}."
    with open(folder / ".environment.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        path = folder / "environment.properties"
        if path.exists() and path.stat().st_mtime >= STARTED:
            old = read_properties(path.read_text(encoding="utf-8"))
            props = {**old, **props, "started": min(old.get("started", props["started"]), props["started"])}
        databases = sorted(
            {v.rsplit("database ", 1)[-1].rstrip(".") for k, v in props.items() if k.startswith("ran in ")}
        )
        props["databases"] = ", ".join(databases)
        text = "".join(f"{key.replace(' ', ESCAPED_SPACE)}={value}\n" for key, value in props.items())
        temporary = folder / f".environment.{os.getpid()}"
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)


def selection_of(config):
    """What a run selected, in words, when it is not the whole suite ('' for the whole suite).

    `--tags="not @browser"` (a client stage beside a browser one) is whole: those scenarios run in the browser stage.
    """
    from django_acceptance.conf import project

    features = project().path(project().features).resolve()
    parts = [path for path in config.paths if Path(path).resolve() != features]
    tags = [str(tag) for tag in config.tags or []]
    if tags and tags != [f"not @{project().browser_tag}"]:
        parts.append(f"--tags={' and '.join(tags)}")
    if config.name:
        parts += [f"-n {name!r}" for name in config.name]
    if getattr(config, "include_re", None):
        parts.append(f"-i {config.include_re}")
    if getattr(config, "exclude_re", None):
        parts.append(f"-e {config.exclude_re}")
    if os.environ.get(SHARD):
        parts.append(f"--shard {os.environ[SHARD]}")
    return " ".join(parts)


_asked = {}  # the thread asking git for the commit, then its answer


def ask_for_commit():
    """Ask git for the commit tested, beside the run: its two commands (some 20 ms) are done when the run ends.

    Asked as the run starts, the answer is also the commit the scenarios ran on.
    """
    if "thread" not in _asked:
        _asked["thread"] = threading.Thread(target=lambda: _asked.setdefault("commit", _commit()), daemon=True)
        _asked["thread"].start()


def _the_commit():
    ask_for_commit()
    _asked["thread"].join()
    return _asked.get("commit", "")


def _commit():
    try:
        done = subprocess.run(["git", "log", "-1", "--format=%h (%cs) %s"], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    if done.returncode:
        # The report says what it cannot: a copy without git history (a release archive) has no commit.
        return "none: not a git checkout" if "not a git repository" in done.stderr.lower() else ""
    try:
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True, timeout=5
        )
    except subprocess.TimeoutExpired:
        return done.stdout.strip()
    commit = done.stdout.strip()
    commit = commit if len(commit) <= 80 else commit[:79] + "…"
    return commit + (" (with changes not yet committed)" if changed.stdout.strip() else "")


def _server_version(connection):
    try:
        version = connection.pg_version  # e.g. 150013
        return f"{version // 10000}.{version % 10000}"
    except Exception:  # noqa: BLE001 - the version is a nicety
        return ""
