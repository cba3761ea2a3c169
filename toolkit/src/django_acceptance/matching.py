"""behave's parse step matcher, which compiles a step's pattern only once a step's words could match it.

behave compiles every step definition's regular expression while it loads the step modules (to
ignore a bad one, then once more for each earlier definition of the same kind, to refuse two
alike). With two hundred steps that is a tenth of a second before every run's first scenario,
most of it for patterns no step of the run ever uses. A parse pattern is words and fields, and a
step it matches holds the words in order, so a step without them is told "no" by a few string
comparisons, and the pattern is compiled the first time a step passes them.

behave also looks a step's definition up again for every step it runs (and behave-django once
more, for fixtures), through every definition of its kind: the one found for a step's words is
kept, and the next step with the same words asks that definition alone.

The same answers as behave's own matcher, under the same name ("parse", the default). A pattern
whose expression cannot compile (a custom type's regular expression, say) is left out as behave
leaves it out, with behave's BAD-STEP-DEFINITION line, at the first step that could match it
rather than at load.
"""

import parse
from behave import step_registry
from behave.matchers import ParseMatcher, get_step_matcher_factory
from behave.step_registry import StepRegistry


def words(pattern):
    """The literal pieces of a parse pattern, between its fields.

    "{who} signs in as {name}" -> ["", " signs in as ", ""]
    """
    pieces = [""]
    for part in parse.PARSE_RE.split(pattern):
        if part in ("{{", "}}"):
            pieces[-1] += part[0]
        elif part.startswith("{") and part.endswith("}"):
            pieces.append("")
        else:
            pieces[-1] += part
    return pieces


def could_match(pieces, text):
    """Whether `text` holds the pieces as a match needs them: the first at its start, the last at its end, in order."""
    if len(pieces) == 1:
        return text == pieces[0]
    first, *middle, last = pieces
    if not (text.startswith(first) and text.endswith(last)):
        return False
    at, end = len(first), len(text) - len(last)
    for piece in middle:
        found = text.find(piece, at, end)
        if found < 0:
            return False
        at = found + len(piece)
    return at <= end


class WordsFirstParseMatcher(ParseMatcher):
    """behave's ParseMatcher (case-sensitive, so the words compare as they are), checking a step's words first."""

    def __init__(self, func, pattern, step_type=None, custom_types=None):
        super().__init__(func, pattern, step_type, custom_types)
        self.words = words(pattern)
        self.bad = False

    def compile(self):
        # behave's check of a good definition at load: the fields were read (an unknown type has
        # failed already, in __init__); the expression is compiled at the first step that could match.
        return self

    def check_match(self, step_text):
        if self.bad or not could_match(self.words, step_text):
            return None
        try:
            ParseMatcher.compile(self)
        except Exception as error:  # what behave's own check at load catches
            self.bad = True
            step_registry.registry.on_bad_step_definition(self, error)
            return None
        return super().check_match(step_text)


_add = StepRegistry.add_step_definition


def _find_match(registry, step):
    """behave's find_match (the step's kind first, then "step"), by way of the definition found before for its words."""
    found = registry.__dict__.setdefault("_found", {})
    key = (step.step_type, step.name)
    if key in found:
        definition = found[key]
        return definition.match(step.name) if definition else None
    more = registry.steps["step"] if step.step_type != "step" else []
    for definition in [*registry.steps[step.step_type], *more]:
        match = definition.match(step.name)
        if match:
            found[key] = definition
            return match
    found[key] = None
    return None


def _add_step_definition(registry, keyword, step_text, func):
    registry.__dict__.pop("_found", None)  # a new definition may answer steps none did
    return _add(registry, keyword, step_text, func)


def install():
    """Make the words-first matcher behave's "parse" matcher, and the default, before the step modules load."""
    factory = get_step_matcher_factory()
    factory.register_step_matcher_class(ParseMatcher.NAME, WordsFirstParseMatcher, override=True)
    factory.use_default_step_matcher(ParseMatcher.NAME)
    StepRegistry.find_match = _find_match
    StepRegistry.add_step_definition = _add_step_definition
