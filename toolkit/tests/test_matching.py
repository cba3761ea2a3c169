"""The words-first step matcher answers as behave's own, and compiles only the patterns a step could match."""

import io
from types import SimpleNamespace
from unittest import mock

import parse
from behave import step_registry
from behave.matchers import Match, ParseMatcher
from behave.step_registry import AmbiguousStep, StepRegistry
from django.test import SimpleTestCase

from django_acceptance import matching
from django_acceptance.matching import WordsFirstParseMatcher, could_match, words


@parse.with_pattern(r"[A-Z][a-z]+|she")
def person(text):
    return text


@parse.with_pattern(r"(unclosed")
def broken(text):
    return text


def step(context, *args, **kwargs):
    pass


PATTERNS = [
    "{who:Person} signs in",
    "{who:Person} signs in as {name}",
    'the article "{title}" is listed',
    "nothing to fill in",
    "{count:d} {{braces}} and {rest}",
    "{a}{b} end",
]
TEXTS = [
    "Rita signs in",
    "Rita signs in as editor",
    "rita signs in",
    "she signs in as",
    'the article "Spring fair" is listed',
    'the article "" is listed',
    "nothing to fill in",
    "nothing to fill in.",
    "3 {braces} and more",
    "3 braces and more",
    "xy end",
    " end",
    "signs in",
]


class WordsTests(SimpleTestCase):
    def test_the_words_between_fields(self):
        self.assertEqual(words("{who:Person} signs in as {name}"), ["", " signs in as ", ""])
        self.assertEqual(words("nothing to fill in"), ["nothing to fill in"])
        self.assertEqual(words("{count:d} {{braces}} and {rest}"), ["", " {braces} and ", ""])

    def test_words_out_of_order_or_overlapping_cannot_match(self):
        self.assertFalse(could_match(["a ", " b ", " c"], "a  c b "))
        self.assertFalse(could_match(["ab", "ba"], "aba"))
        self.assertTrue(could_match(["ab", "", "ba"], "abba"))


class SameAnswersTests(SimpleTestCase):
    def setUp(self):
        saved = dict(ParseMatcher.TYPE_REGISTRY)
        ParseMatcher.TYPE_REGISTRY.update(Person=person, Broken=broken)
        self.addCleanup(lambda: (ParseMatcher.TYPE_REGISTRY.clear(), ParseMatcher.TYPE_REGISTRY.update(saved)))

    def test_every_pattern_answers_every_text_as_behaves_matcher(self):
        for pattern in PATTERNS:
            theirs, ours = ParseMatcher(step, pattern), WordsFirstParseMatcher(step, pattern)
            for text in TEXTS:
                with self.subTest(pattern=pattern, text=text):
                    expected, got = theirs.match(text), ours.match(text)
                    self.assertEqual(type(got), type(expected))
                    if isinstance(expected, Match):
                        self.assertEqual([a.value for a in got.arguments], [a.value for a in expected.arguments])

    def test_a_pattern_is_compiled_only_once_a_step_could_match_it(self):
        matcher = WordsFirstParseMatcher(step, "{who:Person} signs in as {name}")
        matcher.compile()
        self.assertIsNone(matcher.match("Rita publishes"))
        self.assertIsNone(matcher.parser._Parser__match_re)
        self.assertIsNotNone(matcher.match("Rita signs in as editor"))
        self.assertIsNotNone(matcher.parser._Parser__match_re)

    def test_two_definitions_alike_are_still_refused(self):
        matching.install()
        registry = StepRegistry()
        registry.add_step_definition("given", "{who:Person} signs in", step)
        with self.assertRaises(AmbiguousStep):
            registry.add_step_definition("given", "Rita signs in", step)

    def test_a_pattern_that_cannot_compile_is_left_out_with_behaves_line(self):
        matcher = WordsFirstParseMatcher(step, "{x:Broken} breaks")
        matcher.compile()
        self.assertIsNone(matcher.match("it mends"))
        handler = step_registry.registry.error_handler
        with mock.patch.object(handler, "file", io.StringIO()), mock.patch.object(handler, "bad_step_definitions", []):
            self.assertIsNone(matcher.match("x breaks"))
            self.assertIsNone(matcher.match("x breaks"))
            self.assertEqual(handler.bad_step_definitions, [matcher])
            self.assertIn("BAD-STEP-DEFINITION: ", handler.file.getvalue())


class FoundBeforeTests(SimpleTestCase):
    def setUp(self):
        matching.install()
        saved = dict(ParseMatcher.TYPE_REGISTRY)
        ParseMatcher.TYPE_REGISTRY.update(Person=person)
        self.addCleanup(lambda: (ParseMatcher.TYPE_REGISTRY.clear(), ParseMatcher.TYPE_REGISTRY.update(saved)))
        self.registry = StepRegistry()

    def step(self, kind, name):
        return SimpleNamespace(step_type=kind, name=name)

    def test_the_same_words_find_the_same_definition_with_their_own_values(self):
        def signs_in(context, who):
            pass

        self.registry.add_step_definition("when", "{who:Person} signs in", signs_in)
        first = self.registry.find_match(self.step("when", "Rita signs in"))
        again = self.registry.find_match(self.step("when", "Rita signs in"))
        self.assertIs(again.func, signs_in)
        self.assertIsNot(again, first)
        self.assertEqual([a.value for a in again.arguments], ["Rita"])
        self.assertIsNone(self.registry.find_match(self.step("given", "Rita signs in")))

    def test_a_definition_added_later_answers_words_none_answered(self):
        def generic(context):
            pass

        self.assertIsNone(self.registry.find_match(self.step("then", "it rains")))
        self.registry.add_step_definition("step", "it rains", generic)
        self.assertIs(self.registry.find_match(self.step("then", "it rains")).func, generic)
