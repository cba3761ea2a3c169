"""Checks of what a screen reader announces and where the keyboard's focus goes, with what was found instead."""

import re

from django_acceptance.sentences import listed

# A tag as a screen reader would read it out, letter by letter: "<ul>", "</li>".
MARKUP = re.compile(r"</?[a-z][a-z0-9]*[^<>]*>")


def expect_next_tab(driver, name):
    focused = driver.keyboard.tab()
    assert focused == name, f"The next Tab on {driver.path} reaches “{focused}”, not “{name}”."


def expect_page(driver, title, heading):
    """The page's title, its one main heading, and its language, which tells a screen reader how to speak it."""
    page = driver.screen_reader.page()
    assert page["title"] == title, f"{driver.path} is titled “{page['title']}”, not “{title}”."
    assert page["headings"] == [heading], f"{driver.path} has the main headings {page['headings']}, not [{heading!r}]."
    assert page["lang"] == "en", f"{driver.path} does not say it is in English: its lang is “{page['lang']}”."


def expect_every_control_named(driver):
    unnamed = [control.html for control in driver.screen_reader.controls() if not control.name]
    assert not unnamed, f"On {driver.path} a screen reader announces these without a name: {'; '.join(unnamed)}"


def expect_described(driver, name, text):
    """The field's description (what aria-describedby points at) says `text`, in words: markup would be read out."""
    field = driver.screen_reader.field(name)
    assert not field.missing, f"“{name}” on {driver.path} is described by {field.missing}, which are not on the page."
    assert text in field.description, f"“{name}” on {driver.path} is announced with “{field.description}”."
    markup = MARKUP.search(field.description)
    assert not markup, f"“{name}” on {driver.path} is announced with the markup “{markup.group()}”: {field.description}"


def expect_group(driver, name, choices, description):
    """A group of choices announced by its name, with its choices in order and its description."""
    groups = driver.screen_reader.groups()
    assert name in groups, f"No group on {driver.path} is announced as “{name}”; there are {list(groups)}."
    assert groups[name]["choices"] == choices, f"The group “{name}” on {driver.path} offers {groups[name]['choices']}."
    seen = groups[name]["description"]
    assert seen == description, f"The group “{name}” on {driver.path} is announced with “{seen}”, not “{description}”."


def expect_navigations(driver, names):
    seen = driver.screen_reader.navigations()
    assert seen == names, f"A screen reader finds the navigations {listed(seen)} on {driver.path}, not {listed(names)}."


def expect_invalid(driver, name, error):
    field = driver.screen_reader.field(name)
    assert field.invalid, f"“{name}” on {driver.path} is not announced as invalid (aria-invalid): {field.html}"
    expect_described(driver, name, error)


def expect_alert(driver, message):
    """An alert is read out as soon as the page opens, wherever the reader is."""
    alerts = driver.screen_reader.page()["alerts"]
    found = listed(alerts, "none")
    assert any(message in alert for alert in alerts), f"{driver.path} has no alert saying “{message}”: {found}."
