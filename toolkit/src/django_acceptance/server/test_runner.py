"""The Django side of a run: one test case class for every scenario, a transaction each.

behave-django's stock runner gives every scenario a live server and flushes the
database after it. Here every scenario, client or browser, runs in a transaction
that is rolled back; the one live server of the run (see live_server.py) serves
browser scenarios from that same transaction.
"""

import sys
import unittest

from behave_django.environment import BehaveHooksMixin
from behave_django.testcase import DjangoSimpleTestCase
from django.test.runner import DiscoverRunner


class ScenarioTestCase(DjangoSimpleTestCase):
    databases = {"default"}


class AcceptanceTestRunner(DiscoverRunner, BehaveHooksMixin):
    testcase_class = ScenarioTestCase
    # The browser the command started early (a subclass made for the run sets it), for the run's hooks.
    prestarted = None

    def patch_context(self, context):
        super().patch_context(context)
        context.prestarted_browser = self.prestarted

    def __init__(self, **kwargs):
        # Django's lines about the test database say nothing a reader needs, and its SQLite
        # backend says "Destroying old test database" whether there was one or not.
        kwargs.setdefault("verbosity", 0)
        super().__init__(**kwargs)

    def setup_databases(self, **kwargs):
        # No scenario rolls back by reloading a serialised copy of the database (every one runs
        # in a transaction), so the copy that Django makes after creating it is not made.
        kwargs.setdefault("serialized_aliases", set())
        return super().setup_databases(**kwargs)

    def setup_test_environment(self, **kwargs):
        super().setup_test_environment(**kwargs)
        # Django's runner makes the first Ctrl-C wait for the current unittest test to end;
        # behave's scenarios are not unittest tests, so it would be swallowed. Stop at once.
        unittest.removeHandler()


class ProjectTestRunner(DiscoverRunner):
    """`manage.py test` for a project with acceptance runs: it holds the checkout as a run does.

    A run and the project's Django tests build the same test database; one started while the
    other runs would destroy it. So the tests hold the checkout's lock (one_run.py) and a run
    started meanwhile is refused in one line, as the tests are while a run goes on. A project
    names it (or a subclass) in TEST_RUNNER.
    """

    def run_tests(self, test_labels, **kwargs):
        from django_acceptance import one_run
        from django_acceptance.conf import SettingError

        try:
            one_run.hold()
        except (one_run.Busy, SettingError) as error:
            print(f"error: {error}", file=sys.stderr)
            sys.exit(2)
        return super().run_tests(test_labels, **kwargs)
