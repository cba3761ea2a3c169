"""WebDriver's failures, which run to many lines, as one line that says whether the browser died."""

import functools

from selenium.common.exceptions import WebDriverException

from django_acceptance.drivers.base import DriverError


def one_line_errors(cls):
    """Guard every public method and property of the class; its objects have the browser `session`."""

    def guard(function):
        @functools.wraps(function)
        def guarded(self, *args, **kwargs):
            try:
                return function(self, *args, **kwargs)
            except WebDriverException as error:
                raise DriverError(self.session.explain(error)) from error

        return guarded

    for name, member in list(vars(cls).items()):
        if name.startswith("_"):
            continue
        if isinstance(member, property):
            setattr(cls, name, property(guard(member.fget), member.fset and guard(member.fset)))
        elif callable(member):
            setattr(cls, name, guard(member))
    return cls
