from django.apps import AppConfig
from django.core.signals import setting_changed


class AcceptanceConfig(AppConfig):
    name = "django_acceptance"
    verbose_name = "Acceptance suite"

    def ready(self):
        from django_acceptance import checks  # noqa: F401 - registers the checks
        from django_acceptance.conf import READ_FROM, project

        def read_again(setting, **kwargs):
            if setting in READ_FROM:
                project.cache_clear()

        setting_changed.connect(read_again, weak=False)
