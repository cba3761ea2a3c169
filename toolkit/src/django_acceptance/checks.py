"""What an adopting project's settings need, checked by `manage.py check` (and before every run)."""

from pathlib import Path

from django.conf import settings
from django.core import checks

from django_acceptance.conf import SettingError, from_settings


@checks.register("django_acceptance")
def check_setting(app_configs=None, **kwargs):
    """The ACCEPTANCE setting, the features folder, and the app's place beside behave_django."""
    try:
        project = from_settings()
    except SettingError as error:
        return [checks.Error(str(error), id="django_acceptance.E001")]
    found = []
    features = project.path(project.features)
    if not features.is_dir():
        found.append(
            checks.Warning(
                f"The features folder {features} does not exist.",
                hint="Create it, or name yours in ACCEPTANCE['FEATURES'] (and ACCEPTANCE['ROOT']).",
                id="django_acceptance.W002",
            )
        )
    apps = list(settings.INSTALLED_APPS)
    if "behave_django" not in apps:
        found.append(
            checks.Error(
                "behave_django is not in INSTALLED_APPS: the toolkit runs behave through it.",
                hint='Add "behave_django" after "django_acceptance".',
                id="django_acceptance.E003",
            )
        )
    elif "django_acceptance" in apps and apps.index("behave_django") < apps.index("django_acceptance"):
        found.append(
            checks.Error(
                "behave_django comes before django_acceptance in INSTALLED_APPS: `manage.py behave` would be "
                "behave-django's own command, without the toolkit's runner and options.",
                hint='List "django_acceptance" first.',
                id="django_acceptance.E004",
            )
        )
    database = settings.DATABASES.get("default", {})
    if database.get("ENGINE", "").endswith("sqlite3"):
        name = str(database.get("TEST", {}).get("NAME") or "")
        if not name or name == ":memory:" or name.startswith("file:memorydb"):
            found.append(
                checks.Warning(
                    "The test database is SQLite in memory: the parallel workers each need a file of their own.",
                    hint='Give DATABASES["default"]["TEST"]["NAME"] a file name, e.g. BASE_DIR / "test_db.sqlite3".',
                    id="django_acceptance.W005",
                )
            )
    named = [(key, getattr(project, key.lower())) for key in ("STEP_CATALOGUE", "TAGS_FILE", "ACCESSIBILITY_ACCEPTED")]
    for key in ("CODE_ROOTS", "TEMPLATE_DIRS", "SETTINGS_FILES"):
        named += [(key, path or ".") for path in getattr(project, key.lower())]
    for key, value in named:
        if value and not Path(project.path(value)).exists():
            found.append(
                checks.Warning(
                    f"ACCEPTANCE[{key!r}] names {value}, which does not exist in {project.root}.",
                    hint="Create it, or leave it out.",
                    id="django_acceptance.W006",
                )
            )
    return found
