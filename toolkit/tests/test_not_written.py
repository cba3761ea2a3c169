"""A step not yet written: one name for it, the closest steps, and a definition in the project's style."""

import io
from types import SimpleNamespace
from xml.etree import ElementTree

import parse
from behave.matchers import ParseMatcher
from behave.model_core import Status
from behave.parser import parse_feature
from behave.reporter import summary
from behave.reporter.junit import JUnitReporter
from behave.step_registry import StepRegistry
from django.test import SimpleTestCase

from django_acceptance import behave_patches
from django_acceptance.report.suggestions import closest, snippet
from django_acceptance.server.recorder import Raised


@parse.with_pattern(r"[A-Z][a-z]+|she|he")
def person(text):
    return text


@parse.with_pattern(r'[^"]+')
def quoted(text):
    return text


@parse.with_pattern(r"an author|an editor|a reader")
def role(text):
    return text


TYPES = {"Person": person, "Quoted": quoted, "Role": role}
# Steps of the newsroom's kind, for what a product owner might type instead.
STEPS = [
    ("given", "{who:Person} is {role:Role}"),
    ("given", '{who:Person} is {role:Role} with the password "{password:Quoted}"'),
    ("given", '{who:Person} has commented "{text:Quoted}" on "{title:Quoted}"'),
    ("when", '{who:Person} signs in with the password "{password:Quoted}"'),
    ("when", '{who:Person} follows "{link:Quoted}" on "{title:Quoted}"'),
    ("then", '{who:Person} sees the comment "{text:Quoted}" by {name} under "{title:Quoted}"'),
    ("then", "a screen reader finds the navigations {names}"),
]


def comment(context, who, text, title):
    pass


class NotWrittenTests(SimpleTestCase):
    def setUp(self):
        self.saved = dict(ParseMatcher.TYPE_REGISTRY)
        ParseMatcher.TYPE_REGISTRY.update(TYPES)
        self.addCleanup(lambda: (ParseMatcher.TYPE_REGISTRY.clear(), ParseMatcher.TYPE_REGISTRY.update(self.saved)))
        self.registry = StepRegistry()
        self.registry.add_step_definition("when", '{who:Person} comments "{text:Quoted}" on "{title:Quoted}"', comment)

    def test_the_definition_offered_matches_what_was_typed_with_the_projects_types(self):
        typed = 'Rita pins "Lovely" on "Spring fair"'
        code, module = snippet(typed, "when", self.registry)
        pattern = code.splitlines()[0].removeprefix("@when('").partition("')")[0]
        self.assertEqual(pattern, '{who:Person} pins "{text:Quoted}" on "{text2:Quoted}"')
        self.assertEqual(code.splitlines()[1], "def step_pins_on(context, who, text, text2):")
        self.assertIsNotNone(parse.compile(pattern, extra_types=TYPES).parse(typed))
        self.assertTrue(module.endswith("test_not_written.py"))

    def test_a_suggestion_pasted_as_shown_is_matched_by_its_step(self):
        (offered,) = closest('Rita comments "Lovely" under "Spring fair"', "when", self.registry, count=1)
        self.assertEqual(offered, 'When Rita comments "Lovely" on "Spring fair"')
        step = SimpleNamespace(step_type="when", name=offered.removeprefix("When "))
        self.assertIsNotNone(self.registry.find_match(step))

    def test_a_bare_parameter_is_filled_only_after_the_words_it_follows(self):
        pattern = '{who:Person} sees the comment "{text:Quoted}" by {name} under'
        self.registry.add_step_definition("then", pattern, comment)
        offered = closest('Rita sees her comment "Lovely" first under', "then", self.registry, count=1)
        self.assertEqual(offered, ['Then Rita sees the comment "Lovely" by {name} under'])

    def test_junit_and_the_summary_call_it_not_yet_written(self):
        behave_patches._name_not_written()
        step = SimpleNamespace(status=Status.undefined, keyword="When", name="Rita pins it")
        element = behave_patches.junit_not_written(ElementTree.Element("error", type="undefined"), step)
        self.assertEqual(
            (element.get("type"), element.get("message")), ("NotYetWritten", "Not yet written: When Rita pins it")
        )
        self.assertTrue(JUnitReporter._make_problem_description_for.names_not_written)

        raised = Raised("AttributeError", "no profile", [], ("sample/views.py", 9, "broken"))
        step = SimpleNamespace(status=Status.failed, site_exception=raised)
        element = behave_patches.junit_not_written(ElementTree.Element("failure", message="The page says: oops"), step)
        self.assertEqual(element.get("message"), "AttributeError: no profile (sample/views.py:9)\nThe page says: oops")
        line = summary.OUTPUT_FORMAT_MAP[summary.OUTPUT_FORMAT_DEFAULT]("step", {"passed": 1, "undefined": 1})
        self.assertIn("not yet written: 1", line)

    def test_a_dry_runs_summary_counts_what_holds_a_step_not_yet_written_under_that_name(self):
        behave_patches._name_not_written()
        feature = parse_feature(
            "Feature: Commenting\n"
            "  Rule: Readers comment\n"
            "    Scenario: Rita comments\n"
            "      Given Rita is a reader\n"
            '      When Rita scribbles "Nice" under "Spring fair"\n'
            "    Scenario: Rita reads\n"
            "      Given Rita is a reader\n"
        )
        written, reads = feature.walk_scenarios()
        # What a dry run leaves: every step untested, the one that matches none untested_undefined.
        written.steps[0].status = reads.steps[0].status = Status.untested
        written.steps[1].status = Status.untested_undefined
        config = SimpleNamespace(summary_show_rules=True, show_rules=True, userdata={}, outputs=[None])
        reporter = summary.SummaryReporter(config)
        reporter.stream = io.StringIO()
        reporter.process_feature(feature)
        reporter.print_summary(with_duration=False)
        lines = reporter.stream.getvalue().splitlines()
        self.assertEqual(
            lines,
            [
                "0 features passed, 0 failed, 0 skipped, 1 not yet written",
                "0 rules passed, 0 failed, 0 skipped, 1 not yet written",
                "0 scenarios passed, 0 failed, 0 skipped, 1 not yet written, 1 untested",
                "0 steps passed, 0 failed, 0 skipped, 2 untested, 1 not yet written",
            ],
        )

    def newsroom(self):
        for kind, pattern in STEPS:
            self.registry.add_step_definition(kind, pattern, comment)

    def assert_pasted_as_shown_they_match(self, offered):
        """Each suggestion is matched as it is shown, or names what is left to choose ({name})."""
        for step in offered:
            keyword, name = step.split(" ", 1)
            if "{" not in name:
                with self.subTest(step=step):
                    typed = SimpleNamespace(step_type=keyword.lower(), name=name)
                    self.assertIsNotNone(self.registry.find_match(typed))

    def test_a_name_of_two_words_is_never_cut_in_half(self):
        self.newsroom()
        offered = closest('Nina Novak comments "Lovely" on "Spring fair"', "when", self.registry)
        self.assertEqual(offered[0], 'When {who} comments "Lovely" on "Spring fair"')
        self.assertFalse([step for step in offered if "Nina" in step or "Novak" in step], offered)
        self.assert_pasted_as_shown_they_match(offered)

    def test_words_a_parameter_takes_by_its_type_fill_it_whole(self):
        self.newsroom()
        offered = closest("Nina Novak is a reader", "given", self.registry, count=2)
        self.assertEqual(offered, ["Given {who} is a reader", 'Given {who} is a reader with the password "{password}"'])
        offered = closest("Rita is a reader", "given", self.registry, count=1)
        self.assertEqual(offered, ["Given Rita is a reader"])
        self.assert_pasted_as_shown_they_match(offered)

    def test_a_step_about_something_else_comes_after_those_about_the_same_thing(self):
        self.newsroom()
        typed = 'Rita leaves the comment "Lovely" on "Spring fair"'
        offered = closest(typed, "when", self.registry, count=3)
        self.assertEqual(
            offered,
            [
                'When Rita comments "Lovely" on "Spring fair"',
                'Given Rita has commented "Lovely" on "Spring fair"',
                'Then Rita sees the comment "Lovely" by {name} under "Spring fair"',
            ],
        )
        self.assertFalse([step for step in offered if "password" in step or "follows" in step], offered)
        self.assert_pasted_as_shown_they_match(offered)
        # Nearer by its small words ("is ... with the"), the password step is about something else.
        offered = closest('Rita is pleased with the comment "Lovely"', "when", self.registry, count=3)
        self.assertFalse([step for step in offered if "password" in step], offered)

    def test_a_lowercase_word_is_no_person(self):
        self.newsroom()
        offered = closest('Rita writes a comment "Lovely" on "Spring fair"', "when", self.registry, count=1)
        self.assertEqual(offered, ['When Rita comments "Lovely" on "Spring fair"'])
