"""The HTML report for product owners: which driver ran each scenario, and a failure's evidence."""

import base64
import io
import os

from behave_html_pretty_formatter import PrettyHTMLFormatter


class NewsroomHTMLFormatter(PrettyHTMLFormatter):
    """behave-html-pretty-formatter, with the Background steps of features that have Rules.

    Also: names each scenario's Rule, joins each feature's description into one paragraph,
    and writes nothing on a dry run.

    behave 1.3 hands the formatter each Rule's background, whose own steps are empty when it
    only inherits the Feature's; the formatter then showed no Background and matched the
    results of the Background steps to the scenario's first steps.
    """

    _rule = None

    def open(self):
        # A dry run (the step check, the catalogue) must not overwrite the last real report.
        if self.config.dry_run:
            return io.StringIO()
        return super().open()

    def feature(self, feature):
        self._rule = None
        super().feature(feature)
        # A feature's description is prose wrapped for the editor; let the page wrap it.
        self.current_feature.description = " ".join(line.strip() for line in feature.description)

    def rule(self, rule):
        self._rule = rule.name

    def scenario(self, scenario):
        super().scenario(scenario)
        if self._rule:
            # The formatter has no place for Rules: name the rule beside each of its scenarios.
            self.current_scenario.name = f"{scenario.name}  ·  Rule: {self._rule}"

    def background(self, background):
        super().background(_AllSteps(background))


class _AllSteps:
    def __init__(self, background):
        self.steps = background.all_steps


def _html_formatters(context):
    return [f for f in getattr(context._runner, "formatters", []) if isinstance(f, PrettyHTMLFormatter)]


def describe_run(context, options):
    for formatter in _html_formatters(context):
        formatter.additional_info["Driver"] = (
            f"{options.driver}; scenarios tagged @browser run in the browser ({options.browser})"
        )


def show_driver(context, driver):
    for formatter in _html_formatters(context):
        formatter.embed("text", driver.describe(), caption="Driver")


def show_evidence(context, folder):
    for formatter in _html_formatters(context):
        report_dir = os.path.dirname(os.path.abspath(formatter.stream.name))
        screenshot = folder / "screenshot.png"
        if screenshot.exists():
            data = base64.b64encode(screenshot.read_bytes()).decode()
            formatter.embed("image/png", data, caption="What the browser showed")
        links = [
            [os.path.relpath(path, report_dir), path.name] for path in sorted(folder.iterdir()) if path.suffix != ".png"
        ]
        formatter.embed("link", links, caption=f"Evidence in {folder}")
        server_errors = folder / "server-errors.txt"
        if server_errors.exists():
            formatter.embed("text", server_errors.read_text(), caption="Server error")
