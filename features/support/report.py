"""The HTML report for product owners: which driver ran each scenario, and a failure's evidence."""

import base64
import os

from behave_html_pretty_formatter import PrettyHTMLFormatter


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
