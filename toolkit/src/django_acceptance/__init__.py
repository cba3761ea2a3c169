"""django-acceptance: Gherkin acceptance suites for Django sites, through the test client and real browsers.

The public surface is what `__all__` names; every other module is the toolkit's own and may
change. Importing the package needs no Django settings (as any Django app's top level): what
needs them is imported on first use.

- Driver: what a step may ask of a page, kept by both drivers (ClientDriver, BrowserDriver);
  DriverError when the page does not do what a step expects (ElementNotFound, AmbiguousMatch),
  NotSupportedByDriver (BrowserOnly) when only another driver can; MachineryError when the run's
  machinery failed (a dead browser, an unreachable Grid): an error of the run, not of the page.
- normalise, label_text: text as a person reads it, for a project's own expectations.
- hooks: behave's hooks, for a project's features/environment.py.
- project: the ACCEPTANCE setting, read (conf.Project); Options and OptionError: the run options.
- ProjectTestRunner: `manage.py test` that holds the checkout as a run does (TEST_RUNNER).
"""

from importlib import import_module

from django_acceptance.drivers.base import (
    AmbiguousMatch,
    BrowserOnly,
    Driver,
    DriverError,
    ElementNotFound,
    MachineryError,
    NotSupportedByDriver,
    label_text,
    normalise,
)

__version__ = "0.1.0"

__all__ = [
    "AmbiguousMatch",
    "BrowserDriver",
    "BrowserOnly",
    "ClientDriver",
    "Driver",
    "DriverError",
    "ElementNotFound",
    "MachineryError",
    "NotSupportedByDriver",
    "OptionError",
    "Options",
    "ProjectTestRunner",
    "hooks",
    "label_text",
    "normalise",
    "project",
]

# Imported on first use: they need Django's settings, or Selenium (a third of start-up).
_LATER = {
    "BrowserDriver": ("django_acceptance.drivers.browser", "BrowserDriver"),
    "ClientDriver": ("django_acceptance.drivers.client", "ClientDriver"),
    "OptionError": ("django_acceptance.options", "OptionError"),
    "Options": ("django_acceptance.options", "Options"),
    "ProjectTestRunner": ("django_acceptance.server.test_runner", "ProjectTestRunner"),
    "hooks": ("django_acceptance.hooks", None),
    "project": ("django_acceptance.conf", "project"),
}


def __getattr__(name):
    if name not in _LATER:
        raise AttributeError(f"module 'django_acceptance' has no attribute {name!r}")
    module, attribute = _LATER[name]
    found = import_module(module)
    return found if attribute is None else getattr(found, attribute)
