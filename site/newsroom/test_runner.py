import sys
import unittest

from django.conf import settings
from django.core.cache import caches
from django.test.runner import DiscoverRunner


class SiteTestRunner(DiscoverRunner):
    """`manage.py test` with no labels runs the tests under site/ (a folder, not a package) and the suite's own.

    Every test starts with empty caches, as the database starts empty: what the cache
    counts (password-reset requests) never carries over from one test to the next.
    """

    def run_tests(self, test_labels, **kwargs):
        # The acceptance suite's runs build the same test database: one at a time in a checkout.
        from django_acceptance import one_run

        try:
            one_run.hold()
        except one_run.Busy as error:
            print(f"error: {error}", file=sys.stderr)
            sys.exit(2)
        return super().run_tests(test_labels, **kwargs)

    def build_suite(self, test_labels=None, **kwargs):
        return super().build_suite(test_labels or [str(settings.SITE_DIR), "django_acceptance"], **kwargs)

    def get_resultclass(self):
        base = super().get_resultclass() or unittest.TextTestResult
        return type("CacheClearingResult", (_ClearCaches, base), {})


class _ClearCaches:
    def startTest(self, test):  # noqa: N802 (unittest's name)
        for cache in caches.all():
            cache.clear()
        super().startTest(test)
