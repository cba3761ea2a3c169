"""Mutants of the layers a person meets besides the code and the templates: settings, answers, emails.

- settings: every setting of the site's, and of the apps it configures, that a person could
  notice, each changed by a fixed rule (to Django's or the app's default, switched off or on,
  a hundred times larger, a hundred times smaller) and run as a settings module of its own, in
  a fresh run of the suite (some settings are read once, at start-up). What plain HTTP cannot
  show (HSTS, the HTTPS redirect, secure cookies) is `manage.py check --deploy`'s, not a mutant's.
- responses and emails: mutator.py's operators, at every address where the recording run saw
  what they change (a refusal, a redirect, a header, a cookie, an email), judged in long-lived
  workers of the suite that read the mutant from a file at each request.
Each mutant runs only the scenarios that saw what it changes (seen.py's recording), until one fails.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from mutator import HEADERS, operators_for

# Settings a person could notice, with their rules and, for "default", the default of Django or of
# the app that reads them (django-axes' own defaults are not in django.conf.global_settings).
APP_DEFAULTS = {
    "AXES_FAILURE_LIMIT": 3,
    "AXES_COOLOFF_TIME": None,
    "AXES_LOCKOUT_PARAMETERS": ["ip_address"],
    "AXES_LOCKOUT_CALLABLE": None,
}
SETTINGS = {
    # Signing in: how many wrong passwords lock a username, for how long, for what, and what says so.
    "AXES_FAILURE_LIMIT": ("default", "x100", "/100"),
    "AXES_COOLOFF_TIME": ("default", "x100", "/100"),
    "AXES_LOCKOUT_PARAMETERS": ("default",),
    "AXES_RESET_ON_SUCCESS": ("off",),
    "AXES_LOCKOUT_CALLABLE": ("default",),
    # Password resets: how many emails an address gets, in what window, and how long a link lives.
    "PASSWORD_RESET_EMAILS_PER_HOUR": ("x100", "/100"),
    "PASSWORD_RESET_EMAILS_WINDOW": ("x100", "/100"),
    "PASSWORD_RESET_TIMEOUT": ("x100", "/100"),
    # Sessions: how long one lasts, whether closing the browser ends it, who may read or send its cookie.
    "SESSION_COOKIE_AGE": ("x100", "/100"),
    "SESSION_EXPIRE_AT_BROWSER_CLOSE": ("on",),
    "SESSION_COOKIE_HTTPONLY": ("off",),
    "SESSION_COOKIE_SAMESITE": ("off",),
    "SESSION_ENGINE": ("signed-cookies",),
    "MESSAGE_STORAGE": ("default",),
    # Where people are sent, what emails come from, when and how dates are shown.
    "LOGIN_URL": ("default",),
    "LOGIN_REDIRECT_URL": ("default",),
    "DEFAULT_FROM_EMAIL": ("default",),
    "TIME_ZONE": ("default",),
    "LANGUAGE_CODE": ("default",),
    "USE_TZ": ("off",),
    # The headers that keep pages safe. (DEBUG is check --deploy's: Django's test runner turns it off.)
    "SECURE_CONTENT_TYPE_NOSNIFF": ("off",),
    "SECURE_REFERRER_POLICY": ("off",),
    "SECURE_CROSS_ORIGIN_OPENER_POLICY": ("off",),
}
# Middleware each switched off, and each password validator; the shortest password a hundred times longer or shorter.
SWITCHED_OFF = ("MIDDLEWARE", "AUTH_PASSWORD_VALIDATORS")
MINIMUM_LENGTH = "django.contrib.auth.password_validation.MinimumLengthValidator"


@dataclass
class Mutant:
    layer: str
    key: str  # how mutation/accepted-survivors.txt names it: LAYER:WHAT:OPERATOR
    change: str
    scenarios: list = field(default_factory=list)
    source: str = ""  # settings: the lines of its settings module after the import of the test settings
    line: str = ""  # responses and emails: the line mutator.py reads


def _scaled(value, factor):
    if isinstance(value, timedelta):
        return timedelta(seconds=value.total_seconds() * factor)
    scaled = value * factor
    return int(scaled) if isinstance(value, int) else scaled


def _rule(name, rule, value):
    """The new value of a setting under a rule, or the string of Python that computes it."""
    from django.conf import global_settings

    if rule == "default":
        return APP_DEFAULTS[name] if name in APP_DEFAULTS else getattr(global_settings, name)
    if rule in ("off", "on"):
        return {"off": None if isinstance(value, str) else False, "on": True}[rule]
    if rule == "signed-cookies":
        return "django.contrib.sessions.backends.signed_cookies"
    return _scaled(value, 100 if rule == "x100" else 1 / 100)


def settings_mutants(values, seen):
    """Every settings mutant, from the test settings' values (a module's attributes) and the recording."""
    every = sorted({s for scenarios in seen["settings"].values() for s in scenarios})
    mutants = []

    def add(name, rule, before, after, source):
        readers = seen["settings"].get(name)
        # Read at start-up only (kept by Django from then on): any scenario may show it.
        scenarios = readers if readers and name not in seen["read_at_start"] else every
        mutants.append(
            Mutant("settings", f"settings:{name}:{rule}", f"{name} = {before!r}  ->  {after}", scenarios, source)
        )

    for name, rules in SETTINGS.items():
        value = getattr(values, name, None) if hasattr(values, name) else _rule(name, "default", None)
        for rule in rules:
            new = _rule(name, rule, value)
            if new != value:
                add(name, rule, value, repr(new), f"{name} = {new!r}")
    for name in SWITCHED_OFF:
        for entry in getattr(values, name):
            path = entry if isinstance(entry, str) else entry["NAME"]
            if path.startswith("mutation."):
                continue  # the mutator itself, which is no part of the site
            short = path.rsplit(".", 1)[-1]
            kept = f"[e for e in {name} if (e if isinstance(e, str) else e['NAME']) != {path!r}]"
            add(name, f"off-{short}", short, "(left out)", f"{name} = {kept}")
    for rule, length in (("x100", 800), ("/100", 0)):
        source = (
            f"AUTH_PASSWORD_VALIDATORS = [{{**v, 'OPTIONS': {{'min_length': {length}}}}} if v['NAME'] == "
            f"{MINIMUM_LENGTH!r} else v for v in AUTH_PASSWORD_VALIDATORS]"
        )
        add("AUTH_PASSWORD_VALIDATORS", f"min_length-{rule}", "min_length 8", str(length), source)
    return mutants


def answer_mutants(seen):
    """Every response mutant: mutator.py's operators at each address where the recording run saw what they change."""
    mutants = []
    for address, kinds in seen["answers"].items():

        def add(operator, scenarios, address=address):
            if scenarios:
                line = f"responses {address} {operator}"
                mutants.append(Mutant("responses", f"responses:{address}:{operator}", operator, scenarios, line=line))

        statuses = {int(kind.split()[1]): s for kind, s in kinds.items() if kind.startswith("status ")}
        refused = sorted({s for status, scenarios in statuses.items() if status in (403, 404, 405) for s in scenarios})
        redirected = sorted({s for status, scenarios in statuses.items() if 300 <= status < 400 for s in scenarios})
        add("refusal-answered-200", refused)
        for operator in ("redirect-answered-200", "redirect-elsewhere", "redirect-off-site"):
            add(operator, redirected)
        if address.startswith("admin:"):
            continue  # Django's administration: people of the newsroom only find it closed (its status and redirects)
        for header in HEADERS:
            for operator in operators_for(header):
                add(operator, kinds.get(f"header {header}", []))
        for operator in ("cookie-readable-by-scripts", "cookie-sent-by-every-site"):
            add(operator, kinds.get("new session", []))
    return mutants


def email_mutants(seen):
    """Every email mutant: each operator at each address that sent an email (link operators where it had a link)."""
    from mutator import EMAILS

    mutants = []
    for address, kinds in seen["emails"].items():
        for operator in EMAILS:
            scenarios = kinds.get("link" if operator.startswith("link") else "email", [])
            if scenarios:
                line = f"emails {address} {operator}"
                mutants.append(Mutant("emails", f"emails:{address}:{operator}", operator, scenarios, line=line))
    return mutants


def settings_module(project, mutant, number):
    """Write the mutant's settings module into the copy: the test settings, then its change. Its dotted name."""
    module = f"mutant_settings_{number}"
    (project / "site" / "newsroom" / f"{module}.py").write_text(
        '"""One mutant of the settings (mutation/layers.py)."""\n\n'
        "import datetime  # noqa: F401 (the mutant's value may be written as datetime.timedelta)\n\n"
        "from newsroom.test_settings import *  # noqa: F403\n\n"
        f"{mutant.source}\n"
    )
    return f"newsroom.{module}"
