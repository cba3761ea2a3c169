"""behave's hooks: the toolkit's (django_acceptance.hooks), then the newsroom's cast and its step types.

Two run options of the newsroom's own are the benchmark's (scripts/bench.py): `-D naive=true`
runs the browser as a plain suite would (a new browser for every scenario, people signed in
through the form), and `-D record=FILE` writes down the client's requests for bench/replay.py.
"""

from contextlib import ExitStack

from django_acceptance import hooks
from django_acceptance.hooks import after_all as toolkit_after_all
from django_acceptance.hooks import after_step as toolkit_after_step
from django_acceptance.hooks import before_feature, before_scenario  # noqa: F401
from features.support.cast import People
from features.support.types import register_types

register_types()


def before_all(context):
    hooks.before_all(context)
    userdata = context.config.userdata
    context.naive = userdata.get("naive") == "true"  # checked by the toolkit: true or false
    context.recorder = None
    if userdata.get("record"):
        from bench.recording import Recorder

        context.recorder = Recorder(userdata["record"])


def django_ready(context):
    hooks.django_ready(context)
    if context.naive:
        from bench.naive import NaivePeople

        context.people = NaivePeople(context.driver)
    else:
        context.people = People(context.driver)
    if context.recorder and context.driver.name == "client":
        context.recorder.start(context.scenario.name)
        context.driver.client = context.recorder.client(context.driver.client)


def before_step(context, step):
    # What the site does during a When (and its Ands), for the steps that count its queries:
    # in scenarios tagged @budget only, so that no other scenario pays for the recording.
    if step.step_type == "when" and "budget" in context.scenario.effective_tags:
        from django_acceptance.server import recorder

        context.when_recording = ExitStack()
        context.when_window = context.when_recording.enter_context(recorder.record())


def after_step(context, step):
    if context.naive and context.driver.name == "browser":
        # A plain suite's explicit wait: behave-django's stock live server cannot tell when the
        # site has answered a step's form, and the step must not end before (its queries are
        # counted, a clock moves next, an email is looked for).
        context.driver.settle()
    toolkit_after_step(context, step)
    _stop_recording(context)


def after_scenario(context, scenario):
    _stop_recording(context)
    hooks.after_scenario(context, scenario)
    if context.naive and context.driver.name == "browser":
        context.run.browser.quit()


def after_all(context):
    if context.recorder:
        context.recorder.write()
    toolkit_after_all(context)


def _stop_recording(context):
    recording = getattr(context, "when_recording", None)
    if recording is not None:
        recording.close()
        context.when_recording = None
