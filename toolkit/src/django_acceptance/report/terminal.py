"""What a run prints about itself, made true.

behave prints `USING RUNNER: behave.runner:Runner`, which is not the runner that
runs the suite (that is django_acceptance.server.test_runner's, through Django), so that line
goes. Its closing `Took ...` adds up the time of each feature's scenarios but leaves
out every scenario under a `Rule:` (all of ours), so it said 0.000 s: here it is the
time the run took, from its first hook to its summary.
"""

import builtins
import sys
import time

import behave.__main__
import behave.runner
from behave.reporter.summary import AbstractSummaryReporter
from behave.runner import Runner

from django_acceptance.report import formatters

_started = []


def install():
    behave.__main__.print = _print_but_the_runner
    run = Runner.run

    def timed_run(self, *args, **kwargs):
        _started.append(time.perf_counter())
        return run(self, *args, **kwargs)

    Runner.run = timed_run
    AbstractSummaryReporter.print_duration = _print_duration
    # Failures explained as they happen, whatever the formatters; no Python snippets for missing steps:
    # each was named with the closest existing steps when it was met.
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


def say(line, error=False):
    """A line of the suite's own for the person at the terminal, never held in behave's captured output.

    behave captures what hooks and steps print and shows it only under a failing step, as a
    `CAPTURED STDOUT` block; the suite's lines (a browser restarted, the accessibility summary)
    are meant to be read where they happen.
    """
    stream = sys.__stderr__ if error else sys.__stdout__
    stream.write(f"{line}\n")
    stream.flush()
