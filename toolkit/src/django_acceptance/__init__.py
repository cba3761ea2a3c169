"""django-acceptance: Gherkin acceptance suites for Django sites, through the test client and real browsers.

The public surface is what `__all__` names; every other module is the toolkit's own and may
change. Importing the package needs no Django settings (as any Django app's top level): what
needs them is imported on first use.

- Driver: what a step may ask of a page, kept by both drivers (ClientDriver, BrowserDriver);
  DriverError when the page does not do what a step expects, BrowserOnly when only a browser can.
- normalise, label_text: text as a person reads it, for a project's own expectations.
- hooks: behave's hooks, for a project's features/environment.py.
- project: the ACCEPTANCE setting, read (conf.Project); Options and OptionError: the run options.
- ProjectTestRunner: `manage.py test` that holds the checkout as a run does (TEST_RUNNER).
"""

from importlib import import_module

from django_acceptance.drivers.base import BrowserOnly, Driver, DriverError, label_text, normalise

__version__ = "0.1.0"

__all__ = [
    "BrowserDriver",
    "BrowserOnly",
    "ClientDriver",
    "Driver",
    "DriverError",
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
