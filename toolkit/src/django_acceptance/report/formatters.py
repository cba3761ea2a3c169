"""What the terminal shows of a run: a failure explained where it happens, and the features as written.

- Every run, whatever its formatters, gets `Explainer` last: when a step fails it prints the
  scenario and its line, the step, the first line of its error and the evidence folder; for a
  step that does not exist yet, one line with the closest existing steps. A parallel run's
  parent prints the same lines (parallel/pool.py, from what the worker sends).
- `progress` (the default) prints a scenario's letter as soon as it has failed, so its
  explanation follows it rather than the next scenario's dot.
- `pretty` prints each feature once as written: its description, Background, Rules with their
  descriptions, scenarios and outlines with their Examples. behave 1.3.3's own drops `Rule:`
  lines and prints the Feature header twice.
"""

import sys

from behave.formatter.base import Formatter
from behave.formatter.progress import ScenarioProgressFormatter
from behave.model import Rule, ScenarioOutline
from behave.model_core import Status

from django_acceptance.conf import project
from django_acceptance.report.suggestions import closest

FAILED = (Status.failed, Status.error, Status.hook_error)
LONGEST = 240  # characters of an error's first line; the evidence folder has all of it


def gist(message):
    """One line of a step's error: an assertion's first line, a traceback's last."""
    lines = [line.strip() for line in (message or "").strip().splitlines() if line.strip()]
    if not lines:
        return "failed"
    first = lines[-1] if lines[0].startswith("Traceback") else lines[0]
    for prefix in ("Assertion Failed:", "ASSERT FAILED:"):
        first = first.removeprefix(prefix).strip()
    return first if len(first) <= LONGEST else first[: LONGEST - 1] + "…"


def scenario_name(scenario):
    return scenario.name.split(" -- @")[0]


def failure_lines(scenario, step, evidence_folder=None):
    """The lines that explain a failed step: the scenario and its line, the step, its error, the evidence.

    When the site raised an exception during the step, it comes first (Headline put it there),
    then what the step expected.
    """
    lines = [f"✗ {scenario.location}  {scenario_name(scenario)}"]
    if step is None:
        lines.append(f"    the scenario's hooks failed ({scenario.status.name})")
    else:
        lines.append(f"    {step.keyword} {step.name}  (line {step.line})")
        headline, _, rest = (step.error_message or "").partition("\n")
        raised = getattr(step, "site_exception", None)
        if raised is not None and rest.strip():
            lines.append(f"    The site raised {headline}")
            # A traceback that reached the step ends in the same exception: said once.
            if not gist(rest).startswith(f"{raised.type}:"):
                lines.append(f"    {gist(rest)}")
        else:
            lines.append(f"    {gist(step.error_message)}")
    if evidence_folder is not None and evidence_folder.exists():
        lines.append(f"    Evidence: {evidence_folder}/")
    return lines


def undefined_line(step, registry):
    """One line for a step that does not exist yet: where, what was typed, the closest, the catalogue."""
    name = step.name.replace("\\'", "'")  # behave escapes quotes of an undefined step for its snippet
    offers = "; ".join(closest(name, step.step_type, registry))
    catalogue = f" Every step: {project().step_catalogue}" if project().step_catalogue else ""
    return f'? {step.location}  "{step.keyword} {name}" is not yet written. Closest: {offers}.{catalogue}'


def step_registry():
    """The registry the run's steps are in: behave's runner keeps the one it imported, which a reset may replace."""
    import behave.runner
    import behave.step_registry

    candidates = (behave.runner.the_step_registry, behave.step_registry.registry)
    return max(candidates, key=lambda registry: sum(len(matchers) for matchers in registry.steps.values()))


def explanation(scenario, options):
    """The lines for a scenario that did not pass, or [] (used by the serial run and by a parallel run's workers)."""
    from django_acceptance.report.evidence import folder_for

    registry = step_registry()

    # behave finds the scenario's other missing steps only once it is over: ask the registry now.
    steps = list(scenario.all_steps)
    first = next((i for i, step in enumerate(steps) if step.status == Status.undefined), None)
    undefined = [] if first is None else [s for s in steps[first:] if registry.find_match(s) is None]
    if undefined:
        return [undefined_line(step, registry) for step in undefined]
    if not scenario.status.has_failed():
        return []
    failing = next((step for step in scenario.all_steps if step.status in FAILED), None)
    return failure_lines(scenario, failing, folder_for(options.evidence_dir, scenario))


class Headline(Formatter):
    """First of every run's formatters: a failed step's message starts with the site's exception, if it raised one.

    The hooks find it (report/trace.py, through the server's recorder) and hang it on the step;
    behave sets the step's message only after its hooks, so it is rewritten here, before the
    terminal, JUnit and the report's results read it. A message that was a traceback (the
    exception reached the step through the test client) loses nothing: the traceback follows.
    """

    name = "headline"
    description = "Heads a failed step's message with the exception the site raised, and its line in the project."

    def result(self, step):
        raised = getattr(step, "site_exception", None)
        if raised is None or not step.status.has_failed():
            return
        message = step.error_message or ""
        if not message.startswith(raised.headline):
            step.error_message = f"{raised.headline}\n{message}"


class Explainer(Formatter):
    """Added last to every run's formatters: explains each scenario that did not pass as soon as it is over."""

    name = "explain"
    description = "Explains each failing scenario: step, error, evidence; closest steps for one not yet written."

    def __init__(self, stream_opener, config, progress=None):
        super().__init__(stream_opener, config)
        from django_acceptance.options import options_of

        self.options = options_of(config)
        self.current = None
        self.progress = progress  # our progress formatter, told to print its letter first
        self.explained = set()

    def scenario(self, scenario):
        self._done()
        self.current = scenario

    def result(self, step):
        # As soon as a step fails, the scenario is over: the rest are skipped.
        if step.status in FAILED or step.status == Status.undefined:
            self._explain(self.current)

    def eof(self):
        self._done()

    def _done(self):
        if self.current is not None and self.current.status.has_failed():
            self._explain(self.current)  # steps not yet written, or a hook that failed after the steps passed
        self.current = None

    def _explain(self, scenario):
        if scenario is None or id(scenario) in self.explained:
            return
        lines = explanation(scenario, self.options)
        if not lines:
            return
        self.explained.add(id(scenario))
        if self.progress is not None:
            self.progress.failed_now(scenario)
        out = sys.stdout
        out.write("\n" + "\n".join(f"  {line}" for line in lines) + "\n")
        out.flush()


def make_formatters(config, stream_openers):
    """behave's formatters for the run, with the Explainer last (none in a dry run: nothing runs)."""
    from behave.formatter._registry import make_formatters as behaves

    formatters = with_results(behaves(config, stream_openers), config)
    if config.dry_run:
        return formatters
    formatters = [Headline(_stdout_opener(), config), *formatters]
    progress = next((f for f in formatters if isinstance(f, ProgressFormatter)), None)
    return [*formatters, Explainer(_stdout_opener(), config, progress)]


def with_results(formatters, config):
    """The formatters, with the report's results among them: every run writes them, whatever it names.

    A project need not name the results formatter (`format = allure` in behave.ini still may).
    A dry run runs nothing and writes none.
    """
    from django_acceptance.report.results import ResultsFormatter

    if config.dry_run or any(isinstance(f, ResultsFormatter) for f in formatters):
        return formatters
    return [*formatters, ResultsFormatter(_stdout_opener(), config)]


def _stdout_opener():
    from behave.formatter.base import StreamOpener

    return StreamOpener(stream=sys.stdout)


class ProgressFormatter(ScenarioProgressFormatter):
    """behave's dots, with a failing scenario's letter printed as it fails, before its explanation."""

    name = "progress"

    def __init__(self, stream_opener, config):
        super().__init__(stream_opener, config)
        self.reported = None

    def failed_now(self, scenario):
        if scenario is self.current_scenario and self.reported is not scenario:
            self.reported = scenario
            undefined = any(s.status == Status.undefined for s in scenario.all_steps)
            self.stream.write("U" if undefined else "F")
            self.stream.flush()

    def report_current_scenario_progress(self):
        scenario = self.current_scenario
        if scenario is not None and self.reported is scenario:
            return
        if scenario is not None and any(step.status == Status.undefined for step in scenario.all_steps):
            self.stream.write("U")  # not yet written, rather than behave's E
            self.stream.flush()
            return
        super().report_current_scenario_progress()


class PrettyFormatter(Formatter):
    """The features as written, with each step's outcome: `-f pretty`."""

    name = "pretty"
    description = "Each feature as written (Rules, Backgrounds, Examples), with every step's outcome."
    MARK = {"passed": "✓", "failed": "✗", "error": "✗", "hook_error": "✗", "skipped": "-", "undefined": "?"}

    def __init__(self, stream_opener, config):
        super().__init__(stream_opener, config)
        self.stream = self.open()
        self.feature_model = None
        self.outline = None
        self.pending = []
        self.background_steps = set()

    def _write(self, text=""):
        self.stream.write(text + "\n")
        self.stream.flush()

    def _description(self, lines, indent):
        for line in lines or []:
            self._write(f"{indent}{line}")

    def feature(self, feature):
        self.feature_model = feature
        self.outline = None
        tags = " ".join(f"@{t}" for t in feature.tags)
        if tags:
            self._write(tags)
        self._write(f"{feature.keyword}: {feature.name}  # {feature.location}")
        self._description(feature.description, "  ")
        if feature.background:
            self._background(feature.background, "  ")

    def _background(self, background, indent):
        self._write()
        self._write(f"{indent}{background.keyword}:")
        for step in background.steps:
            self.background_steps.add((step.filename, step.line))
            self._write(f"{indent}  {step.keyword} {step.name}")

    def rule(self, rule):
        self.outline = None
        self._write()
        self._write(f"  {rule.keyword}: {rule.name}")
        self._description(rule.description, "    ")
        if rule.background and rule.background is not self.feature_model.background and rule.background.steps:
            if rule.background.line != getattr(self.feature_model.background, "line", None):
                self._background(rule.background, "    ")

    def background(self, background):
        pass  # printed once, above, as written

    def scenario(self, scenario):
        outline = scenario.parent if isinstance(scenario.parent, ScenarioOutline) else None
        under_rule = isinstance((outline or scenario).parent, Rule)
        indent = "    " if under_rule else "  "
        if outline:
            if outline is not self.outline:
                self.outline = outline
                self._write()
                self._write(f"{indent}{outline.keyword}: {outline.name}  # {outline.location}")
                for step in outline.steps:
                    self._write(f"{indent}  {step.keyword} {step.name}")
            row = scenario._row
            self._write(f"{indent}  | {' | '.join(row.cells)} |  # line {row.line}")
        else:
            self.outline = None
            self._write()
            tags = " ".join(f"@{t}" for t in scenario.tags)
            if tags:
                self._write(f"{indent}{tags}")
            self._write(f"{indent}{scenario.keyword}: {scenario.name}  # {scenario.location}")
        self.indent = indent + ("    " if outline else "  ")

    def result(self, step):
        in_background = (step.filename, step.line) in self.background_steps
        # Background steps are shown once, above; under a scenario only when one of them failed.
        if in_background and step.status.name == "passed":
            return
        if self.outline is not None and step.status.name == "passed":
            return  # an outline's row shows only what went wrong
        if step.status.name == "skipped":
            return
        mark = self.MARK.get(step.status.name, "?")
        where = " (Background)" if in_background else ""
        self._write(f"{self.indent}{mark} {step.keyword} {step.name}{where}  # {step.duration:.3f}s")

    def eof(self):
        self._write()
