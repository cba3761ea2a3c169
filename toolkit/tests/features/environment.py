"""The toolkit's hooks, as an adopting project's environment.py has them."""

from django_acceptance.hooks import *  # noqa: F403
