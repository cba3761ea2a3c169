"""`manage.py behave`, with the suite's runner by default and its options checked up front."""

import signal
import sys

from behave.configuration import Configuration
from behave_django.management.commands import behave as behave_django

from features.support.options import OptionError, Options

RUNNER = "features.support.runner:AcceptanceTestRunner"


class Command(behave_django.Command):
    help = "Runs the acceptance suite with behave."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # The suite's runner unless --runner names another (the benchmark compares with the stock one).
        for action in parser._actions:
            if "--runner" in action.option_strings:
                action.default = RUNNER

    def handle(self, *args, **options):
        # A wrong option stops the run before the database is built, in one line.
        try:
            run_options = Options.from_userdata(Configuration(self.get_behave_args(), load_config=True).userdata)
        except OptionError as error:
            self.stderr.write(f"error: {error}")
            sys.exit(2)
        if options["dry_run"]:
            # behave-django's dry run touches no database; keep that.
            options["runner"] = behave_django.BehaviorDrivenTestRunner
        # Never stop to ask about a test database left by an interrupted run.
        if options.get("interactive") is None:
            options["interactive"] = False
        if run_options.driver == "browser" and not options["dry_run"]:
            from features.support.browsers import prestart

            prestart(run_options)
        # A terminated run unwinds like Ctrl-C, so browsers and the test database are cleaned up.
        signal.signal(signal.SIGTERM, _interrupt)
        super().handle(*args, **options)


def _interrupt(signum, frame):
    raise KeyboardInterrupt
