"""Where behave 1.3 has no extension point, the one place the toolkit reaches into its internals.

Checked on behave 1.3.3 (the toolkit's dependency range is >=1.3.3,<1.4, so pip never pairs
it with a behave these were not checked on). Everything else extends behave through what it
offers: formatters (report/formatters.py, report/results.py), a runner class (parallel/worker.py's
WorkerRunner, over Runner.run_model), the hooks of environment.py, and behave-django's runner.

- behave prints `USING RUNNER: behave.runner:Runner`, which is not the runner that runs the
  suite (that is the toolkit's, through Django): that line goes.
- Its closing `Took ...` adds up the time of each feature's scenarios but leaves out every
  scenario under a `Rule:`, so it said 0.000 s for a suite of rules: here it is the time the
  run took, from its first hook to its summary.
- Failures are explained as they happen, whatever the formatters (behave makes its
  formatters in a module function that no option replaces).
- No Python snippets for missing steps: each was named with the closest existing steps.
- behave's "parse" step matcher compiles a pattern only once a step's words could match it
  (matching.py), registered under behave's own name for it.
- A run whose tags or names select no scenario in a feature file is not given that file
  (behave would read it, build its outlines' examples and skip each scenario; selection_check.py).
- The toolkit's formatters are registered by name (behave's registry, `_registry.register_as`).
- A step that matches none has one name everywhere, "not yet written": behave's summary says
  "undefined" (a dry run "untested_undefined"), its JUnit reporter an error of type "undefined".
  A scenario that holds one (and its rule and feature, where nothing failed) is counted under
  that name too, not as an "error" (a run) or "untested" (a dry run).
  And JUnit's message names the site's exception first, as the terminal does (it reads the
  step's exception, not the message formatters.Headline heads).
"""

import builtins
import time
from pathlib import Path

import behave
import behave.__main__
import behave.reporter.summary
import behave.runner
from behave.model import Scenario
from behave.model_core import Status
from behave.reporter.junit import JUnitReporter
from behave.reporter.summary import AbstractSummaryReporter, SummaryReporter
from behave.runner import Runner

from django_acceptance import matching
from django_acceptance.report import formatters

CHECKED_ON = ("1.3",)
NOT_WRITTEN = "not yet written"
# The toolkit's formatters by the names behave's command line and behave.ini use: a project
# needs no [behave.formatters] section (behave's own progress and pretty are replaced).
FORMATTERS = {
    "progress": "django_acceptance.report.formatters:ProgressFormatter",
    "pretty": "django_acceptance.report.formatters:PrettyFormatter",
    "allure": "django_acceptance.report.results:ResultsFormatter",
}
_started = []


def register_formatters():
    """Give the toolkit's formatters their names (behave registers only those of a config file's section)."""
    from behave.formatter._registry import register_as

    for name, where in FORMATTERS.items():
        register_as(name, where)


def install():
    """Patch behave's printing, its duration and its formatters; a version these were not checked on is named."""
    if not behave.__version__.startswith(CHECKED_ON):
        print(f"django_acceptance: behave {behave.__version__} is not one it was checked on (1.3.x): expect surprises.")
    behave.__main__.print = _print_but_the_runner
    run = Runner.run

    def timed_run(self, *args, **kwargs):
        _started.append(time.perf_counter())
        return run(self, *args, **kwargs)

    Runner.run = timed_run
    AbstractSummaryReporter.print_duration = _print_duration
    behave.runner.make_formatters = formatters.make_formatters
    behave.__main__.print_undefined_step_snippets = _no_snippets
    _name_not_written()
    matching.install()
    behave.runner.parse_features = _parse_features


_left_out = set()  # feature files the run's selection selects nothing in (leave_out)
_parse_all_features = behave.runner.parse_features


def leave_out(files):
    """Give behave none of these feature files: the run's tags or names select no scenario in them."""
    _left_out.update(Path(file).resolve() for file in files)


def _parse_features(feature_locations, language=None):
    if _left_out:
        feature_locations = [at for at in feature_locations if Path(at.filename).resolve() not in _left_out]
    return _parse_all_features(feature_locations, language=language)


def _no_snippets(undefined_steps, stream=None, colored=True):
    """Instead of behave's snippets: each step not yet written, its closest, a definition in the project's style."""
    from django_acceptance.report.suggestions import closest, snippet

    registry = formatters.step_registry()
    count = len(undefined_steps)
    steps = f"{count} steps are" if count != 1 else "1 step is"
    print(f"{steps} {NOT_WRITTEN}:")
    seen = set()
    for step in undefined_steps:
        name = step.name.replace("\\'", "'")
        if (str(step.location), name) in seen:  # behave lists a step again where its scenario ends
            continue
        seen.add((str(step.location), name))
        offers = "; ".join(closest(name, step.step_type, registry))
        code, module = snippet(name, step.step_type, registry)
        where = f"  (in {module})" if module else ""
        print(f"\n{step.location}  {step.keyword} {name}\n  Closest: {offers}\n  Or write it{where}:")
        print("\n".join(f"    {line}" for line in code.splitlines()))


def _name_not_written():
    """behave's summary lines and JUnit files call a step that matches none "not yet written"."""
    formats = behave.reporter.summary.OUTPUT_FORMAT_MAP
    for name, format_summary in list(formats.items()):
        if getattr(format_summary, "names_not_written", False):
            continue

        def renamed(statement_type, summary, format_summary=format_summary):
            text = format_summary(statement_type, summary)
            return text.replace("untested_undefined", NOT_WRITTEN).replace("undefined", NOT_WRITTEN)

        renamed.names_not_written = True
        formats[name] = renamed
    _count_not_written(SummaryReporter)
    if getattr(JUnitReporter._make_problem_description_for, "names_not_written", False):
        return
    problem = JUnitReporter._make_problem_description_for

    def not_written(reporter, element_name, scenario, step):
        return junit_not_written(problem(reporter, element_name, scenario, step), step)

    not_written.names_not_written = True
    JUnitReporter._make_problem_description_for = not_written


NOT_WRITTEN_STEPS = (Status.undefined, Status.untested_undefined)
# What a scenario with a step not yet written is otherwise called: an error in a run, untested in a dry one.
CALLED_INSTEAD = (Status.error, Status.untested)


def _count_not_written(reporter):
    """The summary counts a scenario, rule or feature that holds a step not yet written under that name."""
    if getattr(reporter.__init__, "names_not_written", False):
        return
    init = reporter.__init__

    def counting(self, config):
        init(self, config)
        for counts in (self.feature_summary, self.rule_summary, self.scenario_summary):
            counts[Status.undefined.name] = 0  # shown only when there is one (behave's optional parts)

    def counted(process, kind):
        def count(self, item):
            process(self, item)
            if item.status in CALLED_INSTEAD and _holds_not_written(item):
                counts = getattr(self, f"{kind}_summary")
                counts[item.status.name] -= 1
                counts[Status.undefined.name] += 1

        return count

    counting.names_not_written = True
    reporter.__init__ = counting
    for kind in ("feature", "rule", "scenario"):
        setattr(reporter, f"process_{kind}", counted(getattr(reporter, f"process_{kind}"), kind))


def _holds_not_written(item):
    if isinstance(item, Scenario):
        return any(step.status in NOT_WRITTEN_STEPS for step in item.all_steps)
    return any(_holds_not_written(scenario) for scenario in item.walk_scenarios())


def junit_not_written(element, step):
    """A JUnit failure or error: "not yet written" when its step matches none; headed by the site's exception."""
    if step is not None and step.status == Status.undefined:
        element.set("type", "NotYetWritten")
        element.set("message", f"Not yet written: {step.keyword} {step.name}")
    raised = getattr(step, "site_exception", None)
    if raised is not None:
        message = element.get("message", "")
        # The exception may have reached the step itself (the test client raises it): said once.
        said = "" if message in (raised.message, f"{raised.type}: {raised.message}") else message
        element.set("type", raised.type)
        element.set("message", f"{raised.headline}\n{said}".strip())
    return element


def _print_but_the_runner(*args, **kwargs):
    if args and str(args[0]).startswith("USING RUNNER:"):
        return
    builtins.print(*args, **kwargs)


def _print_duration(reporter, stream=None):
    took = time.perf_counter() - _started[0] if _started else 0.0
    (stream or reporter.stream).write(f"Took {int(took // 60)}min {took % 60:.3f}s\n")
