"""The report's raw results: allure-behave's formatter, taught Rules, the way each scenario ran, and retries.

Every run writes one small JSON file per scenario (and one per attachment) to `-D results=DIR`;
nothing is rendered here. scripts/report.py renders one page from one or several such folders
(`make test`: the client and the browser run side by side). File names are random UUIDs, so
several processes can write into one folder.
"""

import hashlib
import os
import socket
import time
from pathlib import Path

import allure
import allure_commons
from allure_behave.formatter import AllureFormatter
from allure_behave.listener import AllureListener
from allure_commons.logger import AllureFileLogger
from allure_commons.model2 import Label, Parameter, StatusDetails
from allure_commons.types import AttachmentType, LabelType
from allure_commons.utils import get_testplan, md5
from behave.formatter.base import Formatter
from behave.formatter.null import NullFormatter

from acceptance.options import Options

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
FIRST = ("screenshot", "error", "url", "console", "server-errors", "outbox", "page")


class ResultsFormatter(AllureFormatter):
    """`format = allure` in behave.ini: one result per scenario and attempt, under its feature and rule."""

    def __new__(cls, stream_opener, config):
        # A dry run (the step check, the catalogue) runs nothing: write nothing, keep the last run's results.
        if config.dry_run:
            return NullFormatter(stream_opener, config)
        return super().__new__(cls)

    def __init__(self, stream_opener, config):
        # AllureFormatter's own set-up, with this listener and the folder of -D results.
        Formatter.__init__(self, stream_opener, config)
        options = Options.from_userdata(config.userdata)
        self.listener = _Listener(config, options)
        self.file_logger = AllureFileLogger(options.results)
        allure_commons.plugin_manager.register(self.listener)
        allure_commons.plugin_manager.register(self.file_logger)
        self.testplan = get_testplan()

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
        # The report groups by feature, rule and scenario (allurerc.mjs); under each scenario, one
        # result per way it ran (client, chromium, firefox...), side by side. The attempts of one way
        # share its history id, so the report shows them as retries of one result.
        result.name = ran_in
        # An example of an outline is named "<name> -- @1.2 <examples>": its row shows as parameters instead.
        result.labels.append(Label(name="scenario", value=scenario.name.split(" -- @")[0]))
        if rule is not None:
            result.labels.append(Label(name=LabelType.STORY, value=rule.name))
        result.parameters = [*(result.parameters or []), Parameter(name="run", value=ran_in)]
        result.historyId = md5(result.historyId, ran_in)
        result.description = _description(scenario, rule)
        # The report's timeline shows which machine and process ran what.
        result.labels.append(Label(name=LabelType.HOST, value=socket.gethostname()))
        result.labels.append(Label(name=LabelType.THREAD, value=f"{ran_in} {os.getpid()}"))

    def stop_scenario(self, scenario):
        key = id(scenario)
        if scenario.status.has_failed():
            self.failed_attempts[key] = self.failed_attempts.get(key, 0) + 1
        elif self.failed_attempts.get(key):
            self.flaky.add(self.current_scenario_uuid)
        super().stop_scenario(scenario)

    @allure_commons.hookimpl(tryfirst=True)
    def report_result(self, result):
        # Runs before the file logger writes the result: a pass after failed attempts is flaky.
        if result.uuid in self.flaky:
            result.statusDetails = StatusDetails(flaky=True, message="Passed on a retry, after failing: flaky.")


def _description(scenario, rule):
    """What a product owner reads above the steps: why the feature exists and the rule it checks."""
    parts = [f"**Feature: {scenario.feature.name}**", _paragraph(scenario.feature.description)]
    if rule is not None:
        parts += [f"**Rule: {rule.name}**", _paragraph(rule.description)]
    parts.append(_paragraph(scenario.description))
    return "\n\n".join(part for part in parts if part)


def _paragraph(lines):
    return " ".join(line.strip() for line in lines or [])


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
    """Attach a folder of evidence (acceptance/report/evidence.py) to the step or scenario running now."""
    files = sorted(Path(folder).iterdir(), key=lambda p: (FIRST.index(p.stem) if p.stem in FIRST else 99, p.name))
    for path in files:
        allure.attach.file(str(path), name=path.stem, attachment_type=SHOWN_AS.get(path.suffix, AttachmentType.TEXT))


class StepPictures:
    """With -D screenshots=steps: the page after every When and Then step of a browser scenario that changed it.

    Given steps set the scene (people, articles, a session) and show nothing. The pictures start
    from a blank page, so a scenario never shows the page the one before it left open.
    """

    def __init__(self, driver):
        self.driver = driver
        driver.visit("about:blank")
        self.last = self._digest(self._screenshot())

    def after(self, step):
        if step.step_type == "given":
            return
        png = self._screenshot()
        digest = self._digest(png)
        if png and digest != self.last:
            allure.attach(png, name=f"{step.keyword} {step.name}", attachment_type=AttachmentType.PNG)
            self.last = digest

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
