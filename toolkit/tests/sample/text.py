"""A module of a project's own code, for the recorder's tests to run in and between scenarios."""

# Letters that are drawn as nothing but are neither white space nor default-ignorable.
BLANK_GLYPHS = {"\u2800"}  # BRAILLE PATTERN BLANK


def shows_nothing(text):
    """True when every character is white space or one drawn as nothing.

    The recorder's tests name lines by number: its one line is line 14, and _invisible's
    are 19 and 21. An edit above them moves them, and the tests must then say so
    (tests/test_impact.py, RecorderTest).
    """
    return all(_invisible(character) for character in text)


def _invisible(character):
    # A line of a comment, which coverage.py does not count.
    import unicodedata

    return character.isspace() or character in BLANK_GLYPHS or unicodedata.category(character) == "Cf"
