"""WebDriver's failures, which run to many lines, as one line that says whether the browser died.

A browser that refused a command fails the step (DriverError); one that died, or whose driver
or Grid cannot be reached, is an error of the run's machinery (MachineryError), not a failed
specification.
"""

import functools

from selenium.common.exceptions import WebDriverException
from urllib3.exceptions import HTTPError as DriverUnreachable

from django_acceptance.drivers.base import DriverError, MachineryError


def one_line_errors(cls):
    """Guard every public method and property of the class; its objects have the browser `session`."""

    def guard(function):
        @functools.wraps(function)
        def guarded(self, *args, **kwargs):
            try:
                return function(self, *args, **kwargs)
            except (WebDriverException, DriverUnreachable) as error:
                if isinstance(error, WebDriverException) and self.session.alive():
                    raise DriverError(self.session.explain(error)) from error
                raise MachineryError(self.session.explain(error)) from error

        return guarded

    for name, member in list(vars(cls).items()):
        if name.startswith("_"):
            continue
        if isinstance(member, property):
            setattr(cls, name, property(guard(member.fget), member.fset and guard(member.fset)))
        elif callable(member):
            setattr(cls, name, guard(member))
    return cls
