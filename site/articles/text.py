"""Whether a text shows anything at all to the person who reads it."""

# Letters that are drawn as nothing but are neither white space nor default-ignorable.
BLANK_GLYPHS = {"\u2800"}  # BRAILLE PATTERN BLANK


def shows_nothing(text):
    """True when every character is white space, a control character, or one drawn as nothing.

    str.strip() removes only white space: a zero-width space, a word joiner or a Hangul
    filler survive it and still show nothing. Unicode's Default_Ignorable_Code_Point
    property (from ICU) names the characters a renderer draws as nothing.
    """
    return all(_invisible(character) for character in text)


def _invisible(character):
    # Imported here, not at start-up: ICU takes about 60 ms to load and only a comment needs it.
    import icu

    return (
        icu.Char.hasBinaryProperty(character, icu.UProperty.WHITE_SPACE)
        or icu.Char.hasBinaryProperty(character, icu.UProperty.DEFAULT_IGNORABLE_CODE_POINT)
        # Control characters (U+0000 to U+001F, U+007F to U+009F) that are not white space draw nothing.
        or icu.Char.charType(character) in (icu.UCharCategory.CONTROL_CHAR,)
        or character in BLANK_GLYPHS
    )
