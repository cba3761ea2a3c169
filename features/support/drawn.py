"""What only a browser shows: the focus ring it draws, where it draws each control, a text's lines on screen.

The keyboard's Tab is pressed for real; what it reached is read from the page as drawn
(js/*.js, read once). The test client draws nothing: these are for @browser scenarios.
"""

import functools
from pathlib import Path

from django_acceptance import BrowserOnly

# Two controls whose tops are this close (px) are on one line, read left to right.
SAME_LINE = 8
MOST_TABS = 60


@functools.cache
def script(name):
    return (Path(__file__).parent / "js" / f"{name}.js").read_text()


def tab_through(driver):
    """Press Tab from the top of the page on show until the focus leaves it; what each press reached."""
    if driver.name != "browser":
        raise BrowserOnly("Only a browser draws a focus ring: tag the scenario @browser.")
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    driver.settle()
    driver.forget_page()
    # One script to log each press, one command for every press, one read of the log: not a round trip
    # or two a press. The log is what reading the focus after each press found (js/tab_log.js).
    driver.wd.execute_script(script("tab_log").replace("/* FOCUSED */", script("focused_drawn")))
    ActionChains(driver.wd).send_keys(*[Keys.TAB] * MOST_TABS).perform()
    tabs = driver.wd.execute_script("return window.acceptanceTabs")
    if not tabs["done"]:
        raise AssertionError(f"{MOST_TABS} presses of Tab on {driver.path} never left the page.")
    return tabs["log"]


def expect_focus_rings(driver):
    reached = tab_through(driver)
    assert reached, f"Tab reaches nothing on {driver.path}."
    bare = [control["name"] for control in reached if not control["ring"]]
    assert not bare, f"On {driver.path} the keyboard's focus shows no ring on {bare}."


def expect_tab_order_as_drawn(driver):
    reached = tab_through(driver)
    assert reached, f"Tab reaches nothing on {driver.path}."
    for before, after in zip(reached, reached[1:], strict=False):
        same_line = abs(after["top"] - before["top"]) < SAME_LINE
        in_order = after["left"] > before["left"] if same_line else after["top"] > before["top"]
        assert in_order, (
            f"On {driver.path} Tab goes from “{before['name']}” to “{after['name']}”, "
            f"which is drawn {'to its left' if same_line else 'above it'}: "
            f"{[control['name'] for control in reached]}"
        )


def expect_lines(driver, selector, lines):
    if driver.name != "browser":
        raise BrowserOnly("Only a browser lays out a text's lines: tag the scenario @browser.")
    shown = driver.wd.execute_script(script("lines_drawn"), selector)
    assert shown == [lines], f"{selector} on {driver.path} shows the lines {shown}, not {[lines]}."
