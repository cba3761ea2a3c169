"""Checks of what a person sees, with failure messages that show what they saw instead."""

from acceptance.drivers.base import normalise


def _excerpt(driver):
    text = driver.text
    return text if len(text) <= 600 else text[:600] + " …"


def expect_text(driver, text):
    assert driver.has_text(text), f"“{normalise(text)}” is not on {driver.path}. The page says: {_excerpt(driver)}"


def expect_no_text(driver, text):
    assert driver.has_no_text(text), f"“{normalise(text)}” is on {driver.path}, and should not be."


def expect_heading(driver, heading):
    # Read once: the message shows the heading that was compared, not one read later.
    seen = driver.heading
    assert seen == heading, f"{driver.path} is headed “{seen}”, not “{heading}”."
