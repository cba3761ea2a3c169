"""Inside one worker of a parallel run: an ordinary run, fed its scenarios a batch at a time.

A worker is `manage.py behave` with the run's own arguments, started by pool.py
with BEHAVE_WORKER set. It has its own test database (Django's TEST NAME with the
worker's name as a suffix: test_db_w1.sqlite3, test_shop_w1), and so its own live
server and browser, started as in a serial run. It reads its next batch from stdin, a
JSON list of locations of one feature file, and runs them through behave's runner as
one feature: the file is parsed once and the feature starts and ends once, as in a
serial run. To the pipe named by BEHAVE_WORKER_RESULTS it writes one JSON line for
each scenario as it ends, then "ready" for the next batch; an empty line or the end of
stdin ends it.
"""

import json
import os
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from behave.__main__ import run_behave
from behave.configuration import Configuration
from behave.formatter._registry import make_formatters
from behave.formatter.base import Formatter, StreamOpener
from behave.model_core import Status
from behave.reporter.junit import JUnitReporter
from behave.runner import Context, Runner
from behave.runner_util import FileLocationParser, parse_features
from behave_django.environment import monkey_patch_behave
from django.conf import settings
from django.db import connections

from django_acceptance.conf import project
from django_acceptance.options import options_of
from django_acceptance.report.formatters import explanation, gist, with_results

WORKER = "BEHAVE_WORKER"
RESULTS = "BEHAVE_WORKER_RESULTS"


def workers_dir():
    """Where each worker's own output goes: <reports>/workers/wN.log."""
    return Path(project().here(project().reports)) / "workers"


def worker_name():
    """w1, w2... inside a worker; empty in any other run."""
    return os.environ.get(WORKER, "")


def test_database_name(name, worker):
    """The test database of one worker: test_db_w1.sqlite3, test_shop_w1."""
    path = Path(name)
    if path.suffix:
        return str(path.with_name(f"{path.stem}_{worker}{path.suffix}"))
    return f"{name}_{worker}"


def use_own_database(worker):
    database = settings.DATABASES["default"]
    test = database.setdefault("TEST", {})
    default = test.get("NAME") or (
        database["NAME"] if database["ENGINE"].endswith("sqlite3") else f"test_{database['NAME']}"
    )
    test["NAME"] = test_database_name(str(default), worker)
    connections["default"].settings_dict.setdefault("TEST", {})["NAME"] = test["NAME"]


def run(behave_args, runner_class, runner_args):
    """The whole worker: its database, then behave over the scenarios it is handed; returns the exit status."""
    worker = worker_name()
    use_own_database(worker)
    django_runner = runner_class(**runner_args)
    django_runner.setup_test_environment()
    old_config = None
    try:
        old_config = django_runner.setup_databases()
        monkey_patch_behave(django_runner)
        config = Configuration(behave_args)
        _own_outputs(config, workers_dir() / worker)
        return run_behave(config, runner_class=WorkerRunner)
    finally:
        if old_config is not None:
            django_runner.teardown_databases(old_config)
        django_runner.teardown_test_environment()


def _own_outputs(config, folder):
    """Report files of this worker in its own folder: behave's JUnit files are per feature and would clash."""
    for opener in config.outputs:
        if opener.name and opener.name != "-":
            opener.name = str(folder / Path(opener.name).name)
    if config.junit:
        config.junit_directory = str(Path(config.junit_directory) / worker_name())
        config.reporters = [
            JUnitPerFeatureFile(config) if isinstance(r, JUnitReporter) else r for r in config.reporters
        ]


class JUnitPerFeatureFile(JUnitReporter):
    """behave's JUnit reporter, keeping every scenario of a feature this worker ran in the feature's one file.

    A worker runs a feature once for each scenario it is handed; behave's reporter
    would rewrite the feature's file each time with only the last one.
    """

    def __init__(self, config):
        super().__init__(config)
        self.written = set()

    def feature(self, feature):
        path = Path(self.config.junit_directory) / f"TESTS-{self.make_feature_filename(feature)}.xml"
        earlier = ET.parse(path).getroot() if path in self.written and path.exists() else None
        super().feature(feature)
        if not path.exists():
            return
        self.written.add(path)
        if earlier is None:
            return
        suite = ET.parse(path).getroot()
        for testcase in reversed(earlier.findall("testcase")):
            suite.insert(0, testcase)
        for count in ("tests", "errors", "failures", "skipped"):
            suite.set(count, str(int(suite.get(count, 0)) + int(earlier.get(count, 0))))
        suite.set("time", str(round(float(suite.get("time", 0)) + float(earlier.get("time", 0)), 6)))
        ET.ElementTree(suite).write(path, encoding="UTF-8", xml_declaration=True)


class WorkerRunner(Runner):
    """behave's runner over the batches the parent hands out, instead of every selected scenario."""

    def run_with_paths(self):
        self.context = Context(self)
        self.load_hooks()
        self.load_step_definitions()
        self.formatters = with_results(make_formatters(self.config, self.config.outputs), self.config)
        results = os.fdopen(int(os.environ[RESULTS]), "w", buffering=1)
        self.hand_back = HandBack(results, self.config)
        self._send = self.hand_back.send
        self.formatters.append(self.hand_back)
        try:
            return self.run_model(features=self._handed_out())
        finally:
            results.close()

    def _handed_out(self):
        self._send({"event": "ready"})
        while not self.aborted:
            line = sys.stdin.readline().strip()
            if not line:
                break
            batch = json.loads(line)
            try:
                locations = [FileLocationParser.parse(wanted) for wanted in batch]
                features = parse_features(locations, language=self.config.lang)
            except Exception as error:  # a feature file changed under the run
                for wanted in batch:
                    self._send(_failure(wanted, f"cannot read it: {error}"))
                self._send({"event": "ready"})
                continue
            self.hand_back.expect(batch)
            yield from features
            # Left untested by behave's --stop after a failure: not run, which the parent counts as such.
            stopped = self.config.stop or self.aborted
            for scenario, wanted in self.hand_back.finish(features):
                if not (stopped and scenario is not None and scenario.status == Status.untested):
                    self._send(_result(wanted, scenario, 0.0, self.config))
            self._send({"event": "ready"})


class HandBack(Formatter):
    """Sends the parent each handed scenario's result as soon as the scenario has ended.

    A formatter sees a scenario start, and the feature end; a scenario has ended (its
    after_scenario hooks too) when the next one starts or the feature ends.
    """

    name = "hand-back"

    def __init__(self, stream, config):
        super().__init__(StreamOpener(stream=stream), config)
        self.waiting = {}
        self.running = None

    def send(self, message):
        """One JSON line to the parent."""
        self.stream.write(json.dumps(message) + "\n")

    def expect(self, batch):
        self.waiting = {int(wanted.rpartition(":")[2]): wanted for wanted in batch}
        self.running = None

    def scenario(self, scenario):
        self._ended()
        if scenario.line in self.waiting:
            self.running = (scenario, time.perf_counter())

    def eof(self):
        self._ended()

    def finish(self, features):
        """The handed scenarios not yet sent (skipped by their tags, not run, not found), with their locations."""
        self._ended()
        left, self.waiting = self.waiting, {}
        by_line = {s.line: s for feature in features for s in feature.walk_scenarios() if s.line in left}
        return [(by_line.get(line), wanted) for line, wanted in left.items()]

    def _ended(self):
        if self.running is None:
            return
        scenario, started = self.running
        self.running = None
        wanted = self.waiting.pop(scenario.line)
        self.send(_result(wanted, scenario, time.perf_counter() - started, self.config))


def _result(wanted, scenario, wall_s, config):
    if scenario is None or scenario.status == Status.untested:
        return _failure(wanted, "the worker did not run it")
    if scenario.status == Status.skipped:
        # Skipped by its tags or by behave's --stop: not a failure.
        return {"event": "done", "location": wanted, "status": "skipped", "steps_s": 0.0, "wall_s": wall_s, "error": ""}
    error = ""
    if scenario.status.has_failed():
        failing = next((step for step in scenario.all_steps if step.status.has_failed()), None)
        if failing is not None:
            error = f"{failing.keyword} {failing.name}: {gist(failing.error_message)}"
        else:
            error = f"the scenario's hooks failed ({scenario.status.name})"
    return {
        "event": "done",
        "location": wanted,
        "status": scenario.status.name,
        "steps_s": scenario.duration,
        "wall_s": wall_s,
        "error": error,
        # What the parent prints under the scenario's letter, as a serial run does.
        "explained": explanation(scenario, options_of(config)),
    }


def _failure(wanted, error):
    return {"event": "done", "location": wanted, "status": "failed", "steps_s": 0.0, "wall_s": 0.0, "error": error}
