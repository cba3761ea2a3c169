"""`manage.py behave`, with the suite's runner by default and its options checked up front.

`--parallel N` (behave's own option, alias `--jobs`/`-j`, which behave leaves to runners
that can run in parallel) and `--shard I/N` hand the run to parallel/; `--changed
[REF]` first narrows the selection to what a change can affect (impact/). The process
that starts a run clears the results and evidence of earlier runs, once; a worker clears nothing.
"""

import argparse
import atexit
import functools
import os
import signal
import sys
import threading
from pathlib import Path

from behave.configuration import Configuration
from behave.exception import TagExpressionError
from behave_django.management.commands import behave as behave_django

from django_acceptance import behave_patches, one_run, selection_check
from django_acceptance.conf import project
from django_acceptance.options import OptionError, Options, help_text
from django_acceptance.parallel import arguments, pool, schedule, worker
from django_acceptance.report import evidence, results

RUNNER = "django_acceptance.server.test_runner:AcceptanceTestRunner"
# The options --help shows first: the suite's own, and behave's that choose what runs and how it is shown.
OWN_OPTIONS = {"--parallel", "--shard", "--changed", "--define", "--tags", "--name", "--include", "--dry-run"}
OWN_OPTIONS |= {"--format", "--stop"}
behave_patches.register_formatters()


class Command(behave_django.Command):
    help = "Runs the acceptance suite with behave."

    def create_parser(self, prog_name, subcommand, **kwargs):
        # --help starts with the suite's own options and the run options (-D name=value) with their
        # values; the many of behave and Django follow.
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.description = "Runs the acceptance suite: behave, through Django's test runner."
        own = parser.add_argument_group("the suite's options", description=help_text())
        parser._action_groups.remove(own)
        parser._action_groups.insert(0, own)
        for action in parser._actions:
            if set(action.option_strings) & OWN_OPTIONS:
                for group in parser._action_groups[1:]:
                    if action in group._group_actions:
                        group._group_actions.remove(action)
                own._group_actions.append(action)
        formatters = (argparse.RawDescriptionHelpFormatter, parser.formatter_class)
        parser.formatter_class = type("HelpFormatter", formatters, {})
        return parser

    def add_arguments(self, parser):
        super().add_arguments(parser)
        for action in parser._actions:
            # The suite's runner unless --runner names another (the benchmark compares with the stock one).
            if "--runner" in action.option_strings:
                action.default = RUNNER
            # A number or auto, checked in handle() so that a wrong one gets one line.
            if "--parallel" in action.option_strings:
                action.type, action.default, action.metavar = str, None, "N|auto"
                action.help = "Run the scenarios in N worker processes (auto: one a core)."
        parser.add_argument(
            "--shard", metavar="I/N", help="Run the I-th of N disjoint parts of the selection, balanced by duration."
        )
        parser.add_argument(
            "--changed",
            nargs="?",
            const="HEAD",
            metavar="REF",
            help="Run only the scenarios that a change since REF (default HEAD; uncommitted changes too) can affect, "
            "by the impact map, <reports>/impact.json (record it with -D impact=record).",
        )

    # The scenarios --changed chose, which replace the paths given (None: no choice made).
    selected = None

    def get_behave_args(self, argv=sys.argv):
        # behave's parser must not see --shard, --changed, nor --parallel auto.
        args = arguments.without_own_options(super().get_behave_args(argv))
        if "--dry-run" in argv or "-d" in argv:
            # A dry run, which takes no lock (it touches no database), must not overwrite a
            # running run's JUnit files with its own of scenarios it did not run.
            args = [*args, "--no-junit"]
        if self.selected is not None:
            from django_acceptance.impact import selection

            return selection.with_paths(args, self.selected)
        return _with_features(args)

    def run_from_argv(self, argv):
        # From the command line only: call_command("behave") returns to its caller as usual.
        try:
            super().run_from_argv(argv)
        except SystemExit as stop:
            _exit_at_once(stop.code)
        _exit_at_once(0)

    def handle(self, *args, **options):
        # A wrong option stops the run before the database is built, in one line.
        try:
            config = Configuration(self.get_behave_args(), load_config=True)
            run_options = Options.from_userdata(config.userdata)
            jobs = arguments.parse_jobs(options.get("jobs"))
            shard = arguments.parse_shard(options.get("shard"))
            unselected = []
            if not worker.worker_name():
                features = project().here(project().features)
                unselected = selection_check.check(config, features=features, tags_file=project().tags_file)
        except (OptionError, arguments.UsageError, selection_check.SelectionError) as error:
            self.stderr.write(f"error: {error}")
            sys.exit(2)
        except TagExpressionError as error:
            self.stderr.write(_tag_error_line(error))
            sys.exit(2)
        # Whatever the runner (the benchmark compares with behave-django's stock one): the toolkit's
        # formatters, its results, its lines at the end of a run.
        behave_patches.install()
        parallel = (shard or (jobs or 1) > 1) and not options["dry_run"] and not worker.worker_name()
        if run_options.impact == "record" and parallel:
            self.stderr.write("error: -D impact=record measures one process: leave out --parallel and --shard.")
            sys.exit(2)
        if parallel and run_options.server_port:
            self.stderr.write("error: -D server_port gives every worker the same port: leave it out with --parallel.")
            sys.exit(2)
        if not worker.worker_name() and not options["dry_run"]:
            self._hold_checkout()
        if options.get("changed") is not None and not worker.worker_name():
            config = self._select_changed(config, options["changed"])
        if options["dry_run"]:
            # behave-django's dry run touches no database; keep that.
            options["runner"] = behave_django.BehaviorDrivenTestRunner
        # Never stop to ask about a test database left by an interrupted run.
        if options.get("interactive") is None:
            options["interactive"] = False
        # A terminated run unwinds like Ctrl-C, so browsers and the test database are cleaned up.
        signal.signal(signal.SIGTERM, _interrupt)
        if parallel:
            if shard:
                # The workers, which never see --shard, say in the results that their run is a part.
                os.environ[results.SHARD] = "/".join(map(str, shard))
            status = pool.run(config, run_options, sys.argv[2:], jobs, shard)
            _write_page(run_options)
            sys.exit(status)
        if run_options.driver == "browser" and not options["dry_run"]:
            options["runner"] = _with_prestarted_browser(_runner_class(options["runner"]), run_options)
        if not worker.worker_name() and not options["dry_run"]:
            pool.clear_worker_reports(config)
            _clear_junit(config)
            evidence.clear(run_options.evidence_dir)
            results.clear(run_options.results)
        if worker.worker_name():
            names = ("failfast", "interactive", "keepdb", "reverse")
            passthru = {k: options[k] for k in names if options.get(k) is not None}
            sys.exit(worker.run(self.get_behave_args(), _runner_class(options["runner"]), passthru))
        if options["dry_run"]:
            super().handle(*args, **options)
            return
        if self.selected is None:
            behave_patches.leave_out(unselected)
        try:
            super().handle(*args, **options)
        except SystemExit:  # behave-django's way of saying that scenarios failed
            _write_page(run_options)
            raise
        _write_page(run_options)

    def _hold_checkout(self):
        """The checkout's lock for this run (one_run.py); a second run stops here, in one line."""
        try:
            one_run.hold()
        except one_run.Busy as error:
            self.stderr.write(f"error: {error}")
            sys.exit(2)

    def _select_changed(self, config, ref):
        """The configuration of the scenarios a change since REF can affect (all of them when the map cannot say)."""
        # The impact map's modules are imported by a run of --changed only.
        from django_acceptance.impact import selection
        from django_acceptance.impact.changes import GitError, NotACheckout
        from django_acceptance.impact.map import Layout

        try:
            chosen = selection.select(project().root, ref, schedule.select(config), Layout.of(project()))
        except NotACheckout as error:
            # A copy without git history (a release archive) runs everything rather than nothing.
            self.stdout.write(f"--changed: {error}, so no change can be told: running every scenario.")
            return config
        except (GitError, schedule.SelectionError) as error:
            self.stderr.write(f"error: {error}")
            sys.exit(2)
        self.stdout.write(f"--changed: {chosen.message}")
        if chosen.locations is None:
            return config
        if not chosen.locations:
            sys.exit(0)
        self.selected = chosen.locations
        return Configuration(self.get_behave_args(), load_config=True)


def _clear_junit(config):
    """The JUnit files of earlier runs: CI collects junit/*.xml, which must be this run's alone."""
    if config.junit:
        for old in Path(config.junit_directory).glob("TESTS-*.xml"):
            old.unlink(missing_ok=True)


def _write_page(run_options):
    """Every run ends by writing the specification page (unless -D page=off), and says where."""
    if run_options.page == "off":
        return
    from django_acceptance.report.render import ReportError, write_run_page

    try:
        said = write_run_page(project(), run_options.results)
    except (ReportError, OSError) as error:
        said = f"The specification page could not be written: {error}"
    if said:
        print(said, flush=True)


def _runner_class(runner):
    """--runner as a class (given as `module:Class`, it may still be the string)."""
    return behave_django.valid_python_module(runner) if isinstance(runner, str) else runner


def _with_prestarted_browser(runner, run_options):
    """The test runner class of this run, holding a browser started now, while the database is built.

    Only the toolkit's runner hands it on; under another (the benchmark's stock one) the browser
    started early is quit when the run ends, unused.
    """
    from django_acceptance.browser.session import Prestarted
    from django_acceptance.server.test_runner import AcceptanceTestRunner

    prestarted = Prestarted(run_options)
    if isinstance(runner, type) and issubclass(runner, AcceptanceTestRunner):
        return type(runner.__name__, (runner,), {"prestarted": prestarted})
    return runner


def _with_features(args):
    """behave's arguments, with the project's features folder (ACCEPTANCE['FEATURES']) when they name no path.

    A path in behave.ini (`paths = ...`) still wins; without one, behave would look in ./features.
    """
    from behave.configuration import setup_parser

    if setup_parser().parse_known_args(args)[0].paths or _config_file_paths():
        return args
    return [*args, project().here(project().features)]


@functools.cache
def _config_file_paths():
    """Whether a behave config file names the paths (read once: the arguments are made several times a run)."""
    from behave.configuration import read_configuration

    for name in ("behave.ini", ".behaverc", "setup.cfg", "tox.ini", "pyproject.toml"):
        try:
            if os.path.exists(name) and read_configuration(name).get("paths"):
                return True
        except Exception:  # noqa: BLE001 - a file behave cannot read names no paths; behave says why itself
            continue
    return False


def _tag_error_line(error):
    """One line for a tag expression behave cannot read; its message draws the expression and a caret below."""
    what, _, drawn = str(error).partition("\n")
    where = f" ({drawn.splitlines()[0]})" if drawn else ""
    # An expression left unquoted in the shell reaches behave cut at its first space: "not", "@a and".
    quote = "; an expression with spaces goes in quotes, as in --tags='not @browser'" if "operand" in what else ""
    tags_file = project().tags_file
    return f"error: --tags: {what}{where}{quote}" + (f" ({tags_file})" if tags_file else "")


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _exit_at_once(code):
    """End the process once the run is over, without Python's teardown of the interpreter.

    By then the browsers, the live server and the test database are gone and the reports
    written; what is left is freeing some 75,000 objects of 900 modules one by one, 0.1 to
    0.15 s that a developer waited for after every run (a fifth of the command for a few
    scenarios). What Python does first is still done: other threads are joined, the exit
    handlers run (logging, temporary folders), output is flushed. Under a profiler or a
    coverage tracer, which write their results after the program, the process ends as usual.
    """
    if sys.gettrace() is not None or sys.getprofile() is not None:
        sys.exit(code)
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)  # what sys.exit does with a message
        code = 1
    for thread in threading.enumerate():
        if thread is not threading.main_thread() and not thread.daemon:
            thread.join()
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)
