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
- The toolkit's formatters are registered by name (behave's registry, `_registry.register_as`).
"""

import builtins
import time

import behave
import behave.__main__
import behave.runner
from behave.reporter.summary import AbstractSummaryReporter
from behave.runner import Runner

from django_acceptance.report import formatters

CHECKED_ON = ("1.3",)
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


def _no_snippets(undefined_steps, stream=None, colored=True):
    count = len(undefined_steps)
    steps = f"{count} steps are" if count != 1 else "1 step is"
    print(f"{steps} not written yet: each is named above with the closest that exist.")


def _print_but_the_runner(*args, **kwargs):
    if args and str(args[0]).startswith("USING RUNNER:"):
        return
    builtins.print(*args, **kwargs)


def _print_duration(reporter, stream=None):
    took = time.perf_counter() - _started[0] if _started else 0.0
    (stream or reporter.stream).write(f"Took {int(took // 60)}min {took % 60:.3f}s\n")
