"""The words steps take as parameters, registered once for every step module."""

import re
import unicodedata

import parse
from behave import register_type

UNICODE_NAME = re.compile(r"\\N\{([A-Z0-9 -]+)\}")


@parse.with_pattern(r"[A-Z][a-z]+|she|he|they|a visitor")
def parse_person(text):
    return text


@parse.with_pattern(r"an author|an editor|a reader")
def parse_role(text):
    return text.split()[-1]


@parse.with_pattern(r'[^"]+')
def parse_quoted(text):
    """Whatever stands between double quotes: a title, a message, an address."""
    return text


@parse.with_pattern(r'[^"]*')
def parse_text(text):
    """Like Quoted, but may be empty: what someone typed, if anything.

    A character that shows nothing is written by its Unicode name, as \\N{ZERO WIDTH SPACE}.
    """
    return UNICODE_NAME.sub(lambda match: unicodedata.lookup(match.group(1)), text)


@parse.with_pattern(r'"[^"]+"(?:(?:, | and )"[^"]+")*')
def parse_quoted_list(text):
    """ "A", "B" and "C" -> ["A", "B", "C"]: labels, names."""
    return re.findall(r'"([^"]+)"', text)


def register_types():
    register_type(
        Person=parse_person,
        Role=parse_role,
        Quoted=parse_quoted,
        QuotedList=parse_quoted_list,
        Text=parse_text,
    )
