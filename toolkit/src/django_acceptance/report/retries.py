"""-D retries=N: a failing browser scenario runs again, up to N more times (the nightly runs).

Each attempt is its own result in the report, with its own evidence; one that passes after a
failed attempt is reported flaky (report/results.py). The default run never retries.
"""

from behave.contrib.scenario_autoretry import patch_scenario_with_autoretry


def allow(feature, options):
    if not options.retries:
        return
    # walk_scenarios() reaches the scenarios under Rules and each example of an outline.
    for scenario in feature.walk_scenarios():
        if options.driver_for(scenario) == "browser":
            patch_scenario_with_autoretry(scenario, max_attempts=options.retries + 1)
