"""The toolkit's own test project: no site of anyone's, just what the toolkit's tests need."""

import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
SECRET_KEY = "toolkit-tests-only"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "tests.sample",
    "django_acceptance",
    "behave_django",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
ROOT_URLCONF = "tests.urls"
TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True, "OPTIONS": {}}]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(BASE_DIR / "db.sqlite3"),
        # The toolkit's own tests (manage.py test) start runs (manage.py behave) with these settings:
        # each builds and removes a test database, so not the same file.
        "TEST": {"NAME": str(BASE_DIR / ("unit_test_db.sqlite3" if sys.argv[1:2] == ["test"] else "test_db.sqlite3"))},
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
ACCEPTANCE = {"ROOT": BASE_DIR, "CODE_ROOTS": ["sample"]}
