"""`manage.py behave`, with the suite's runner by default and its options checked up front."""

import signal
import sys

from behave.configuration import Configuration
from behave_django.management.commands import behave as behave_django

from features.support.options import OptionError, Options
from features.support.runner import AcceptanceTestRunner


class Command(behave_django.Command):
    help = "Runs the acceptance suite with behave."

    def handle(self, *args, **options):
        # A wrong option stops the run before the database is built, in one line.
        try:
            Options.from_userdata(Configuration(self.get_behave_args(), load_config=True).userdata)
        except OptionError as error:
            self.stderr.write(f"error: {error}")
            sys.exit(2)
        # behave-django leaves its own runner's name here when --runner is not given
        # (--runner and behave's --behave-runner share a destination).
        plain = not (options["dry_run"] or options["simple"] or options["use_existing_database"])
        if isinstance(options["runner"], str) and plain:
            options["runner"] = AcceptanceTestRunner
        # Never stop to ask about a test database left by an interrupted run.
        if options.get("interactive") is None:
            options["interactive"] = False
        # A terminated run unwinds like Ctrl-C, so browsers and the test database are cleaned up.
        signal.signal(signal.SIGTERM, _interrupt)
        super().handle(*args, **options)


def _interrupt(signum, frame):
    raise KeyboardInterrupt
