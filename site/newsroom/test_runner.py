from django.conf import settings
from django.test.runner import DiscoverRunner


class SiteTestRunner(DiscoverRunner):
    """`manage.py test` with no labels runs the tests under site/, which is a folder, not a package."""

    def build_suite(self, test_labels=None, **kwargs):
        return super().build_suite(test_labels or [str(settings.SITE_DIR)], **kwargs)
