from django.apps import AppConfig


class AcceptanceConfig(AppConfig):
    name = "django_acceptance"
    verbose_name = "Acceptance suite"
