"""Both pages of a run's report: the specification (reports/index.html) and Allure's (reports/allure.html).

scripts/report.py calls render(); the specification needs behave's step registry to say which
steps are not yet written, so the step modules are loaded here as behave loads them.
"""

import os
import sys
from pathlib import Path

from django_acceptance.report import page, spec

STEPS = "features/steps"


def step_registry(root):
    """behave's registry with the suite's steps and parameter types, as in a run."""
    sys.path[:0] = [str(Path(root) / "site"), str(root)]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.test_settings")
    import django

    django.setup()
    from behave.runner_util import load_step_modules
    from behave.step_registry import registry

    from features.support.types import register_types

    register_types()
    if not any(registry.steps.values()):
        load_step_modules([str(Path(root) / STEPS)])
    return registry


def render_spec(root, folders, output, allure_href=None):
    """Write the specification page; return the Run it shows."""
    run = spec.build(root, folders, step_registry(root))
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    Path(output).write_text(page.render(run, allure_href=allure_href), encoding="utf-8")
    return run
