import unittest

from django.conf import settings
from django.core.cache import caches

from django_acceptance import ProjectTestRunner


class SiteTestRunner(ProjectTestRunner):
    """`manage.py test` with no labels runs the tests under site/ (a folder, not a package).

    It holds the checkout as an acceptance run does (django_acceptance's ProjectTestRunner).
    Every test starts with empty caches, as the database starts empty: what the cache
    counts (password-reset requests) never carries over from one test to the next.
    """

    def build_suite(self, test_labels=None, **kwargs):
        return super().build_suite(test_labels or [str(settings.SITE_DIR)], **kwargs)

    def get_resultclass(self):
        base = super().get_resultclass() or unittest.TextTestResult
        return type("CacheClearingResult", (_ClearCaches, base), {})


class _ClearCaches:
    def startTest(self, test):  # noqa: N802 (unittest's name)
        for cache in caches.all():
            cache.clear()
        super().startTest(test)
