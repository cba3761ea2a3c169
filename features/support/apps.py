from django.apps import AppConfig


class AcceptanceConfig(AppConfig):
    name = "features.support"
    label = "acceptance"
    verbose_name = "Acceptance suite"
