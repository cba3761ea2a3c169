"""Settings for test runs (`manage.py test`, `manage.py behave`): with these, tests run faster."""

from newsroom.settings import *  # noqa: F403
from newsroom.settings import BASE_DIR, DATABASES, INSTALLED_APPS, MIDDLEWARE

DEBUG = False
SECRET_KEY = "test-only-secret-key"

# A file-based test database: the suite's live server shares the test
# transaction with it, and --keepdb can keep it between runs.
DATABASES["default"].setdefault("TEST", {})
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"]["NAME"] = str(BASE_DIR / "test_db.sqlite3")
    # A test database need not survive a power cut: without waiting for the disk on each of
    # the commits that build it, a run starts about 0.1 s sooner (more on a busy disk).
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA synchronous = OFF"
# Build the test database straight from the models instead of replaying every
# migration: a third of a second off every run. `makemigrations --check` (in
# `make test`) makes sure the models and the migrations agree.
DATABASES["default"]["TEST"]["MIGRATE"] = False

# The default PBKDF2 hasher is deliberately slow; tests do not need that.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Mutants of what the site answers and emails (`make mutants`, docs/detection.md): first, so
# it sees every answer as it leaves. Without NEWSROOM_MUTANT_FILE in the environment Django
# leaves it out at start-up, and a run pays nothing for it.
MIDDLEWARE = ["mutation.mutator.Mutator", *MIDDLEWARE]

# The test client and the live servers speak plain HTTP, whatever the environment says.
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False

# The acceptance suite's app comes before behave_django so that its
# `behave` command, with the suite's own runner, is the one Django finds.
INSTALLED_APPS = [*INSTALLED_APPS, "django_acceptance", "behave_django"]

TEST_RUNNER = "newsroom.test_runner.SiteTestRunner"

# The acceptance suite's paths and names (django_acceptance; docs/adopting.md has every key).
ACCEPTANCE = {
    "ROOT": BASE_DIR,
    "TITLE": "Newsroom: the specification",
    "STEP_CATALOGUE": "features/STEPS.txt",
    "TAGS_FILE": "features/TAGS.md",
    "ACCESSIBILITY_ACCEPTED": "features/accessibility/accepted.txt",
    # --changed: the site's apps live in site/; a change to settings runs every scenario;
    # documentation, the detection scripts and the tools run none.
    "CODE_ROOTS": ["site"],
    "SETTINGS_FILES": ["site/newsroom/settings.py", "site/newsroom/test_settings.py"],
    "IGNORED": ["docs/", "mutation/", "scripts/", "bench/", ".github/", ".ci/"],
    # The benchmark's own run options (features/environment.py).
    "OPTIONS": ["naive=true|false", "record"],
}

# django-axes reports every failed sign-in as a warning: scenarios and tests make them on purpose.
LOGGING = {"version": 1, "disable_existing_loggers": False, "loggers": {"axes": {"level": "ERROR"}}}
