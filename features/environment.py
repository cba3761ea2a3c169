"""behave's hooks: the toolkit's (django_acceptance.hooks), then the newsroom's cast and its step types."""

from django_acceptance import hooks
from django_acceptance.hooks import after_all, after_scenario, after_step, before_feature, before_scenario  # noqa: F401
from features.support import tasks
from features.support.cast import People
from features.support.types import register_types

register_types()


def before_all(context):
    hooks.before_all(context)
    # The benchmark's naive mode signs people in through the form; a run gives them a session.
    context.run.sign_in_through_form(lambda driver, user, password: tasks.sign_in(driver, user.username, password))


def django_ready(context):
    hooks.django_ready(context)
    context.people = People(context.driver, sign_in=context.run.sign_in)
