"""Time passing: the site's clock moved on, or set to a moment (the toolkit's context.clock).

The clock goes back to real time after every scenario, passed or failed (the toolkit's hooks).
"""

import re
from datetime import UTC, datetime, timedelta

import parse
from behave import given, register_type

UNITS = {"minute": timedelta(minutes=1), "hour": timedelta(hours=1), "day": timedelta(days=1), "week": timedelta(7)}
AMOUNT = r"(?:an?|\d+) (?:minute|hour|day|week)s?"


def amount(text):
    """ "3 days" -> 3 days; "a minute", "an hour" -> one."""
    count, unit = text.split()
    return (1 if count in ("a", "an") else int(count)) * UNITS[unit.removesuffix("s")]


@parse.with_pattern(rf"{AMOUNT}(?: (?:and|less) {AMOUNT})?")
def parse_duration(text):
    """ "3 days", "2 weeks and a minute", "15 minutes less a minute" -> a timedelta."""
    first, sign, second = re.match(rf"({AMOUNT})(?: (and|less) ({AMOUNT}))?$", text).groups()
    rest = amount(second) if second else timedelta()
    return amount(first) + (rest if sign == "and" else -rest)


@parse.with_pattern(r"\d{2}:\d{2} UTC on \d{1,2} [A-Z][a-z]+ \d{4}")
def parse_moment(text):
    """ "23:59 UTC on 3 March 2026" -> that moment. The zone is written out: it is the promise."""
    return datetime.strptime(text, "%H:%M UTC on %d %B %Y").replace(tzinfo=UTC)


register_type(Duration=parse_duration, Moment=parse_moment)


@given("it is {duration:Duration} later")
def step_later(context, duration):
    context.clock.later(duration)


@given("it is {moment:Moment}")
def step_at(context, moment):
    context.clock.at(moment)
