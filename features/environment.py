"""behave's hooks: thin, each handing over to the machinery in toolkit/src/django_acceptance/."""

from django_acceptance.options import Options
from django_acceptance.report import evidence, results, retries, terminal
from django_acceptance.run import Run
from features.support import tasks
from features.support.cast import People
from features.support.types import register_types

register_types()


def before_all(context):
    # The process that starts the run has cleared the evidence and results of earlier runs.
    context.run = Run(Options.from_userdata(context.config.userdata), sign_in_through_form=_sign_in_through_form)


def before_feature(context, feature):
    # After the results formatter has wrapped each scenario: every attempt is then a result of its own.
    retries.allow(feature, context.run.options)


def before_scenario(context, scenario):
    # Runs before behave-django opens the scenario's transaction: decide, don't touch the database.
    context.driver_name = context.run.driver_name(scenario)


def django_ready(context):
    context.run.start_scenario(context.scenario)
    context.driver = context.run.new_driver(context.driver_name, context.test, context.scenario)
    context.people = People(context.driver, sign_in=context.run.sign_in)
    context.pictures = results.step_pictures(context.driver, context.run.options)


def after_step(context, step):
    context.run.timer.step(step)
    if step.status.has_failed():
        folder = evidence.save(
            context.run.options.evidence_dir, context.scenario, step, context.driver, context.run.server_errors
        )
        results.attach_evidence(folder)
    elif context.pictures:
        context.pictures.after(step)


def after_scenario(context, scenario):
    context.run.timer.scenario_done(scenario)
    if not scenario.status.has_failed():
        # Violations too slight to fail a scenario are still shown, with the page they were on.
        folder = evidence.save_accessibility(context.run.options.evidence_dir, scenario, context.driver)
        if folder:
            results.attach_evidence(folder)
    context.run.end_scenario(context.driver, failed=scenario.status.has_failed())


def after_all(context):
    if context.run.accessibility:
        terminal.say(context.run.accessibility.summary())
    browser_version = context.run.browser_version()
    context.run.close()
    context.run.timer.write()
    # What was tested, for the report: after the run's own time is taken (it asks git for the commit).
    results.describe_run(context.config, context.run.options, browser_version)


def _sign_in_through_form(driver, user, password):
    tasks.sign_in(driver, user.username, password)
