"""A run selected by tags or names is given only the feature files holding a selected scenario."""

import tempfile
from pathlib import Path

from behave.configuration import Configuration
from behave.parser import parse_feature
from behave.runner_util import FileLocation
from django.test import SimpleTestCase

from django_acceptance import behave_patches, selection_check
from django_acceptance.selection_check import _examples

OUTLINES = """\
@paper
Feature: Outlines

  Rule: Editors
    @desk
    Scenario Outline: <who> publishes <what>
      Given <who> writes "<what>"

      @quick
      Examples: Short <kind>
        | who  | what  | kind  |
        | Eddie | news | daily |

      @slow @<kind>
      Examples:
        | who  | what    | kind   |
        | Rita | a story | weekly |
        | Nina | a poem  | <none> |

  Scenario Outline: Plain <n>
    Given <n> things

    Examples:
      | n |
      | 1 |
"""

GREETING = """\
Feature: Greeting
  @hello
  Scenario: Rita says hello
    Given Rita says hello
"""


def configuration(*arguments):
    return Configuration([*arguments], load_config=False)


class ExamplesTests(SimpleTestCase):
    def test_each_row_is_named_and_tagged_as_behave_builds_it(self):
        feature = parse_feature(OUTLINES, filename="outlines.feature")
        outlines = [*feature.scenarios, *feature.rules[0].scenarios]
        for outline in outlines:
            theirs = [(s.name, s.line, sorted(s.effective_tags)) for s in outline.scenarios]
            ours = [(s.name, s.line, sorted(s.effective_tags)) for s in _examples(outline)]
            self.assertEqual(ours, theirs)
        self.assertEqual(sum(len(o.scenarios) for o in outlines), 4)


class LeftOutTests(SimpleTestCase):
    def setUp(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.features = Path(folder.name)
        (self.features / "outlines.feature").write_text(OUTLINES)
        (self.features / "greeting.feature").write_text(GREETING)

    def check(self, *arguments):
        return selection_check.check(configuration(*arguments, str(self.features)), features=str(self.features))

    def test_a_name_or_tag_leaves_out_the_files_it_selects_nothing_in(self):
        outlines, greeting = (self.features / name for name in ("outlines.feature", "greeting.feature"))
        self.assertEqual(self.check("-n", "Rita says hello"), [outlines.resolve()])
        self.assertEqual(self.check("-n", "Nina publishes a poem"), [greeting.resolve()])
        self.assertEqual(self.check("--tags=@weekly"), [greeting.resolve()])
        self.assertEqual(self.check("--tags=@hello or @quick"), [])

    def test_without_tags_or_names_nothing_is_read_nor_left_out(self):
        self.assertEqual(self.check(), [])

    def test_behave_is_not_given_the_files_left_out(self):
        outlines, greeting = (self.features / name for name in ("outlines.feature", "greeting.feature"))
        self.addCleanup(behave_patches._left_out.clear)
        behave_patches.leave_out([outlines])
        parsed = behave_patches._parse_features([FileLocation(str(outlines)), FileLocation(str(greeting))])
        self.assertEqual([feature.name for feature in parsed], ["Greeting"])
