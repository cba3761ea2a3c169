"""Checks of what a person sees, with failure messages that show what they saw instead."""

from acceptance.drivers.base import normalise


def one_line(text, most=600):
    """Text for a failure message: on one line, and no longer than a person reads at a glance."""
    text = normalise(text)
    return text if len(text) <= most else text[:most] + " …"


def _excerpt(driver):
    return one_line(driver.text)


def expect_text(driver, text):
    assert driver.has_text(text), f"“{normalise(text)}” is not on {driver.path}. The page says: {_excerpt(driver)}"


def expect_no_text(driver, text):
    assert driver.has_no_text(text), f"“{normalise(text)}” is on {driver.path}, and should not be."


def expect_heading(driver, heading):
    # Read once: the message shows the heading that was compared, not one read later.
    seen = driver.heading
    assert seen == heading, f"{driver.path} is headed “{seen}”, not “{heading}”."
