"""behave's hooks of a run: a project's features/environment.py imports them, then adds its own.

    from django_acceptance import hooks
    from django_acceptance.hooks import *  # noqa: F403

    def django_ready(context):
        hooks.django_ready(context)
        context.people = People(context.driver)   # the project's cast

Each hook hands over to the run (run.py): the options, once parsed; the driver of each
scenario, client or browser; the site's clock (context.clock, clock.py), put back after
each; the evidence of a failed step; the report's results.
"""

from django_acceptance.options import options_of
from django_acceptance.report import evidence, results, retries, terminal
from django_acceptance.run import Run

__all__ = [
    "before_all",
    "before_feature",
    "before_scenario",
    "django_ready",
    "after_step",
    "after_scenario",
    "after_all",
]


def before_all(context):
    # The process that starts the run has cleared the evidence and results of earlier runs.
    # The browser the command started while the database was built comes through the test runner.
    context.run = Run(options_of(context.config), getattr(context, "prestarted_browser", None))
    results.ask_for_commit()  # for the results' description, written once the run is over


def before_feature(context, feature):
    # After the results formatter has wrapped each scenario: every attempt is then a result of its own.
    retries.allow(feature, context.run.options)


def before_scenario(context, scenario):
    # Runs before behave-django opens the scenario's transaction: decide, don't touch the database.
    context.driver_name = context.run.driver_name(scenario)


def django_ready(context):
    """The scenario's transaction is open: its driver (context.driver) is ready for the project's cast."""
    context.run.start_scenario(context.scenario)
    context.driver = context.run.new_driver(context.driver_name, context.test, context.scenario)
    context.clock = context.run.clock
    context.pictures = results.step_pictures(context.driver, context.run.options)
    # Last: what the site does from here on is the first step's.
    context.tracer = _tracer(context.run.options.trace)


def _tracer(mode):
    """The scenario's tracer, started; none with -D trace=off, which then imports none of the trace's modules."""
    if mode == "off":
        return None
    from django_acceptance.report.trace import Tracer

    tracer = Tracer(mode)
    tracer.start()
    return tracer


def after_step(context, step):
    context.run.timer.step(step)
    # The site's exception in the step, if any, heads the step's failure (report/formatters.py's Headline).
    tracer = getattr(context, "tracer", None)  # none where the scenario's set-up failed
    step.site_exception = tracer.step_done(step) if tracer else None
    if step.status.has_failed():
        folder = evidence.save(
            context.run.options.evidence_dir, context.scenario, step, context.driver, context.run.server_errors
        )
        results.attach_evidence(folder)
    elif context.pictures:
        picture = context.pictures.after(step)
        if picture and tracer:
            tracer.picture(picture)  # -D screenshots=steps: the pictures join the trace


def after_scenario(context, scenario):
    # Real time again first, passed or failed: nothing after this scenario may run on its clock.
    context.run.clock.reset()
    context.run.timer.scenario_done(scenario)
    _save_trace(context, scenario)
    if not scenario.status.has_failed():
        # Violations too slight to fail a scenario are still shown, with the page they were on.
        folder = evidence.save_accessibility(context.run.options.evidence_dir, scenario, context.driver)
        if folder:
            results.attach_evidence(folder)
    context.run.end_scenario(context.driver, failed=scenario.status.has_failed())


def _save_trace(context, scenario):
    """The scenario's trace, in its evidence folder, for the report to open as a timeline."""
    tracer = getattr(context, "tracer", None)
    if tracer is None:
        return
    tracer.stop()
    if not tracer.wanted(scenario.status.has_failed()):
        return
    folder = evidence.folder_for(context.run.options.evidence_dir, scenario)
    extra = [p.name for p in folder.iterdir() if p.is_file()] if folder.exists() else []
    where = tracer.save(folder, scenario, context.driver_name, extra)
    if where is not None:
        results.attach_trace(where)


def after_all(context):
    if context.run.accessibility:
        terminal.say(context.run.accessibility.summary())
    browser_version = context.run.browser_version()
    context.run.close()
    context.run.timer.write()
    # What was tested, for the report: after the run's own time is taken (it asks git for the commit).
    results.describe_run(context.config, context.run.options, browser_version)
