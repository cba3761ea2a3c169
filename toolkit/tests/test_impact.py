"""The choice --changed makes, on a small project in a git repository of its own."""

import os
import queue
import subprocess
import tempfile
import textwrap
import threading
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings
from django.test import SimpleTestCase

from django_acceptance.impact import map as impact_map
from django_acceptance.impact.changes import Change, NotACheckout, changes_since, parse_diff
from django_acceptance.impact.map import Layout
from django_acceptance.impact.recording import Recorder
from django_acceptance.impact.selection import PythonSpans, classify, select, with_paths
from django_acceptance.parallel.arguments import without_own_options

VIEWS = """\
from articles.models import Article


class ArticleList:
    template_name = "articles/list.html"

    def get_queryset(self):
        articles = Article.objects.all()
        if self.request.user.is_staff:
            return articles
        else:
            return articles.filter(
                status="published",
            )


def helper():
    return 1
"""
MODELS = """\
class Article:
    title = "CharField"

    def __str__(self):
        return self.title
"""
ACCOUNTS = """\
from articles.models import Article


def dashboard(request):
    return Article.objects.filter(author=request.user)
"""
ACCOUNTS_FORMS = """\
class SignIn:
    fields = ["username"]
"""
TEMPLATE = """\
{% extends "base.html" %}
{% block content %}
<h1>Articles</h1>
{% if user.is_staff %}
<p>Drafts too</p>
{% endif %}
<ul>{% for article in articles %}<li>{{ article }}</li>{% endfor %}</ul>
{% endblock %}
"""
FEATURE = """\
Feature: Reading

  Scenario: Rita reads the list
    Given an article

  Scenario: Eddie sees drafts
    Given a draft

  Scenario: Alice signs in
    Given Alice

  Scenario: A new one
    Given nothing
"""


# A project whose apps live in site/, with its settings in site/project/.
LAYOUT = Layout(
    code_roots=("site/",),
    settings_files=("site/project/settings.py",),
    ignored=("docs/", "reports/"),
    documents=("features/STEPS.txt",),
)


class ImpactTest(SimpleTestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.root = Path(self.folder.name)
        self.old_cwd = os.getcwd()
        os.chdir(self.root)
        files = {
            "site/articles/views.py": VIEWS,
            "site/articles/models.py": MODELS,
            "site/articles/templates/articles/list.html": TEMPLATE,
            "site/articles/tests/test_views.py": "x = 1\n",
            "site/accounts/views.py": ACCOUNTS,
            "site/accounts/forms.py": ACCOUNTS_FORMS,
            "site/project/settings.py": "DEBUG = False\n",
            "site/project/urls.py": "urlpatterns = []\n",
            "features/reading.feature": FEATURE,
            "features/steps/articles.py": "# steps\n",
            "docs/running.md": "# Running\n",
            ".gitignore": "reports/\n",
        }
        for path, text in files.items():
            (self.root / path).parent.mkdir(parents=True, exist_ok=True)
            (self.root / path).write_text(text)
        self.git("init", "-q")
        self.git("add", ".")
        self.git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "start")
        self.layout = LAYOUT
        self.scenarios = [SimpleNamespace(filename="features/reading.feature", line=n) for n in (3, 6, 9, 12)]
        lines = {
            # Rita: the list as a reader, the else branch of get_queryset.
            "features/reading.feature:3": {
                "site/articles/views.py": {8, 9, 12, 13},
                "site/articles/templates/articles/list.html": {1, 2, 3, 4, 7},
                "site/articles/models.py": {5},
            },
            # Eddie: the list as an editor, drafts shown.
            "features/reading.feature:6": {
                "site/articles/views.py": {8, 9, 10},
                "site/articles/templates/articles/list.html": {1, 2, 3, 4, 5, 7},
            },
            # Alice: only her dashboard, in the accounts app.
            "features/reading.feature:9": {"site/accounts/views.py": {5}},
        }
        self.record(lines)

    def tearDown(self):
        os.chdir(self.old_cwd)
        self.folder.cleanup()

    def git(self, *arguments):
        return subprocess.run(["git", *arguments], cwd=self.root, check=True, capture_output=True, text=True).stdout

    def record(self, lines):
        tracked = self.git("ls-files", "--", "site", "features").splitlines()
        scenarios = {loc: {"name": loc, "drivers": ["client"], "lines": ran} for loc, ran in lines.items()}
        code = impact_map.working_tree_code(self.root, tracked, self.layout)
        impact_map.save(impact_map.ImpactMap(code, scenarios, "now"), self.root / self.layout.map_path)

    def edit(self, path, old, new):
        file = self.root / path
        text = file.read_text()
        self.assertIn(old, text)
        file.write_text(text.replace(old, new, 1))

    def chosen(self, ref="HEAD"):
        return select(self.root, ref, self.scenarios, self.layout)

    # Templates

    def test_a_changed_template_line_selects_the_scenarios_that_rendered_it(self):
        self.edit("site/articles/templates/articles/list.html", "<p>Drafts too</p>", "<p>Drafts</p>")
        selection = self.chosen()
        # Rita's scenario never rendered line 5; the one not in the map runs whatever changed.
        self.assertEqual(selection.locations, ["features/reading.feature:6", "features/reading.feature:12"])
        self.assertIn("2 of 4 scenarios", selection.message)
        self.assertIn("1 not in the map", selection.message)

    def test_a_changed_template_line_nobody_rendered_selects_every_scenario_that_rendered_the_template(self):
        self.edit("site/articles/templates/articles/list.html", "{% endif %}", "{% endif %}{# drafts #}")
        self.assertEqual(
            self.chosen().locations,
            ["features/reading.feature:3", "features/reading.feature:6", "features/reading.feature:12"],
        )

    def test_a_line_inserted_into_a_template_selects_the_scenarios_that_rendered_the_lines_either_side(self):
        self.edit("site/articles/templates/articles/list.html", "<p>Drafts too</p>\n", "<p>Drafts too</p>\n<p>x</p>\n")
        self.assertEqual(self.chosen().locations, ["features/reading.feature:6", "features/reading.feature:12"])

    # Python

    def test_a_changed_statement_selects_the_scenarios_that_ran_it(self):
        self.edit("site/articles/views.py", "            return articles\n", "            return articles[:1]\n")
        self.assertEqual(self.chosen().locations, ["features/reading.feature:6", "features/reading.feature:12"])

    def test_a_changed_line_inside_a_statement_of_several_lines_selects_those_that_ran_the_statement(self):
        self.edit("site/articles/views.py", 'status="published",', 'status="draft",')
        self.assertEqual(self.chosen().locations, ["features/reading.feature:3", "features/reading.feature:12"])

    def test_a_changed_class_attribute_selects_every_scenario_of_the_app(self):
        self.edit("site/articles/views.py", '"articles/list.html"', '"articles/other.html"')
        # Alice's scenario ran no line of the articles app, but her app imports it: it is chosen too.
        self.assertEqual(
            self.chosen().locations,
            [f"features/reading.feature:{n}" for n in (3, 6, 9, 12)],
        )

    def test_a_changed_declaration_selects_only_the_apps_that_reach_it(self):
        self.edit("site/accounts/forms.py", '["username"]', '["email"]')
        self.assertEqual(self.chosen().locations, ["features/reading.feature:9", "features/reading.feature:12"])

    def test_a_changed_def_line_selects_every_scenario_of_the_app(self):
        self.edit("site/articles/models.py", "def __str__(self):", "def __str__(self, *args):")
        self.assertEqual(len(self.chosen().locations), 4)

    def test_a_statement_added_to_a_function_selects_every_scenario_that_ran_it(self):
        self.edit(
            "site/articles/views.py",
            "        articles = Article.objects.all()\n",
            "        articles = Article.objects.all()\n        articles = articles[:1]\n",
        )
        self.assertEqual(len(self.chosen().locations), 3)

    def test_a_changed_line_no_scenario_ran_selects_none_of_them(self):
        self.edit("site/articles/views.py", "return 1", "return 2")
        self.assertEqual(self.chosen().locations, ["features/reading.feature:12"])

    def test_spans_of_python_lines(self):
        spans = PythonSpans(VIEWS)
        self.assertIsNone(spans.span(1))  # an import
        self.assertIsNone(spans.span(5))  # a class attribute
        self.assertIsNone(spans.span(7))  # a def line
        self.assertEqual(spans.span(8), (8, 8))
        self.assertEqual(spans.span(9), (9, 9))  # the if's header
        self.assertEqual(spans.span(11), (9, 14))  # else: is in no statement of its own
        self.assertEqual(spans.span(13), (12, 14))

    # What the map cannot place

    def test_a_change_to_settings_runs_everything_and_says_why(self):
        self.edit("site/project/settings.py", "False", "True")
        selection = self.chosen()
        self.assertIsNone(selection.locations)
        self.assertEqual(
            selection.message,
            "site/project/settings.py changed, which the impact map cannot place (settings): running all 4 scenarios.",
        )

    def test_a_change_to_the_steps_runs_everything(self):
        self.edit("features/steps/articles.py", "# steps", "# the steps")
        self.assertIsNone(self.chosen().locations)
        self.assertIn("the suite's own steps", self.chosen().message)

    def test_a_new_file_runs_everything(self):
        (self.root / "site/articles/signals.py").write_text("x = 1\n")
        selection = self.chosen()
        self.assertIsNone(selection.locations)
        self.assertIn(
            "site/articles/signals.py changed, which the impact map cannot place (a new file)", selection.message
        )

    def test_a_changed_feature_file_runs_its_scenarios(self):
        self.edit("features/reading.feature", "Given nothing", "Given something")
        self.assertEqual(len(self.chosen().locations), 4)

    def test_documentation_and_the_sites_django_tests_run_nothing(self):
        self.edit("docs/running.md", "Running", "Running it")
        self.edit("site/articles/tests/test_views.py", "1", "2")
        selection = self.chosen()
        self.assertEqual(selection.locations, [])
        self.assertEqual(selection.message, "nothing since HEAD that a scenario runs: no scenario to run.")

    def test_a_missing_map_runs_everything(self):
        (self.root / self.layout.map_path).unlink()
        selection = self.chosen()
        self.assertIsNone(selection.locations)
        self.assertIn("no impact map at reports/impact.json: record one with", selection.message)

    def test_a_map_recorded_on_other_code_runs_everything(self):
        self.edit("site/articles/models.py", "return self.title", "return self.title.upper()")
        self.git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "upper")
        self.edit("site/articles/templates/articles/list.html", "<p>Drafts too</p>", "<p>Drafts</p>")
        selection = self.chosen()
        self.assertIsNone(selection.locations)
        self.assertIn("was recorded on other code than HEAD (site/articles/models.py differs)", selection.message)
        # Compared with the commit it was recorded on, the map places both changes.
        self.assertIsNotNone(self.chosen("HEAD~1").locations)

    # The map's file

    def test_a_recording_on_the_same_code_keeps_the_scenarios_it_did_not_run(self):
        self.record({"features/reading.feature:3": {"site/articles/models.py": {5}}})
        kept = impact_map.load(self.root / self.layout.map_path)
        self.assertEqual(len(kept.scenarios), 3)
        self.assertEqual(kept.lines_of("features/reading.feature:3")["site/articles/views.py"], {8, 9, 12, 13})

    def test_a_recording_on_other_code_replaces_the_map(self):
        self.edit("site/articles/models.py", "return self.title", "return self.title.upper()")
        self.record({"features/reading.feature:3": {"site/articles/models.py": {5}}})
        recorded = impact_map.load(self.root / self.layout.map_path)
        self.assertEqual(list(recorded.scenarios), ["features/reading.feature:3"])

    def test_lines_as_ranges(self):
        self.assertEqual(impact_map.ranges({1, 2, 3, 7, 9, 10}), "1-3,7,9-10")
        self.assertEqual(impact_map.parse_ranges("1-3,7,9-10"), {1, 2, 3, 7, 9, 10})


class ArgumentsTest(SimpleTestCase):
    def test_the_changed_option_is_not_passed_to_behave(self):
        self.assertEqual(without_own_options(["--changed", "-f", "pretty"]), ["-f", "pretty"])
        self.assertEqual(without_own_options(["--changed", "main", "features/a.feature"]), ["features/a.feature"])
        self.assertEqual(without_own_options(["--changed=HEAD~2", "features/"]), ["features/"])

    def test_the_chosen_locations_replace_the_paths(self):
        self.assertEqual(
            with_paths(["--tags=not @browser", "features/a.feature", "-f", "pretty"], ["features/a.feature:3"]),
            ["--tags=not @browser", "-f", "pretty", "features/a.feature:3"],
        )

    def test_git_diff_hunks(self):
        diff = textwrap.dedent(
            """\
            diff --git a/site/a.py b/site/a.py
            index 1..2 100644
            --- a/site/a.py
            +++ b/site/a.py
            @@ -3 +3 @@ x
            -a
            +b
            @@ -10,2 +9,0 @@
            -c
            -d
            @@ -20,0 +19,2 @@
            +e
            +f
            diff --git a/site/new.py b/site/new.py
            new file mode 100644
            --- /dev/null
            +++ b/site/new.py
            @@ -0,0 +1 @@
            +x
            """
        )
        changed, added = parse_diff(diff)
        self.assertEqual(
            (changed.path, changed.status, changed.lines, changed.insertions),
            ("site/a.py", "modified", {3, 10, 11}, {20}),
        )
        self.assertEqual((added.path, added.status), ("site/new.py", "added"))


class RecorderTest(SimpleTestCase):
    """What a recording counts for each scenario, traced for real by coverage.py."""

    def setUp(self):
        from django.template import engines

        # The recorder turns template debugging on for the rest of its run; not for the other tests.
        debug = {engine: engine.engine.debug for engine in engines.all()}
        self.addCleanup(lambda: [setattr(engine.engine, "debug", value) for engine, value in debug.items()])
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        layout = Layout(code_roots=("sample/",), reports=folder.name)
        self.recorder = Recorder(settings.BASE_DIR, layout).start()
        self.addCleanup(lambda: self.recorder.coverage and self.recorder.coverage.stop())
        # A thread that answers for the whole run, started before the first scenario as the live server's is.
        self.calls, self.answers = queue.Queue(), queue.Queue()
        server = threading.Thread(target=self._serve)
        server.start()
        self.addCleanup(server.join)
        self.addCleanup(self.calls.put, None)

    def _serve(self):
        while (call := self.calls.get()) is not None:
            self.answers.put(call())

    def in_server(self, function, *arguments):
        self.calls.put(lambda: function(*arguments))
        return self.answers.get()

    def test_each_scenario_counts_the_lines_it_ran_in_any_thread_and_nothing_between_them(self):
        from tests.sample import text

        self.recorder.scenario_started("features/a.feature:3", "Rita reads", "client")
        text.shows_nothing("")  # the function's one line, not the character test
        self.recorder.scenario_done(failed=False)
        self.in_server(text.shows_nothing, "between")
        self.recorder.scenario_started("features/a.feature:6", "Rita comments", "browser")
        self.in_server(text.shows_nothing, "a")
        self.recorder.scenario_done(failed=False)
        self.recorder.scenario_started("features/a.feature:9", "Rita fails", "client")
        text.shows_nothing("a")
        self.recorder.scenario_done(failed=True)
        recorded = self.recorder.write()

        text_py = "sample/text.py"
        ran = {location: entry["lines"].get(text_py, set()) for location, entry in recorded.scenarios.items()}
        character_test = {19, 21}  # _invisible's import and return
        self.assertEqual(ran["features/a.feature:3"], {14})
        # The thread was traced before the first pause and still is after it.
        self.assertTrue({14} | character_test <= ran["features/a.feature:6"], ran)
        # A failed scenario stopped short: it stays out of the map, and always runs.
        self.assertNotIn("features/a.feature:9", ran)


class LayoutTest(SimpleTestCase):
    """How --changed places a file of projects laid out otherwise: apps beside the settings, templates at the root."""

    # Apps in hc/ beside hc/settings.py; the TEMPLATES setting's DIRS is templates/ at the root.
    LAYOUT = Layout(code_roots=("hc/",), template_dirs=("templates/",), settings_files=("hc/settings.py",))

    def kind(self, path):
        return classify(Change(path), self.LAYOUT)[0]

    def test_a_template_of_the_settings_template_folder_is_placed_by_its_lines(self):
        self.assertEqual(self.kind("templates/accounts/notifications.html"), "template")
        self.assertTrue(self.LAYOUT.is_code("templates/accounts/notifications.html"))

    def test_an_app_beside_the_settings_is_code_and_the_settings_folder_itself_configuration(self):
        self.assertEqual(self.kind("hc/accounts/views.py"), "python")
        self.assertEqual(self.kind("hc/urls.py"), "unplaced")
        self.assertEqual(classify(Change("hc/settings.py"), self.LAYOUT), ("unplaced", "settings"))

    def test_what_is_under_no_code_root_runs_everything(self):
        self.assertEqual(classify(Change("tools/export.py"), self.LAYOUT), ("unplaced", "not the project's code"))

    def test_test_settings_are_settings_not_tests(self):
        layout = Layout(code_roots=("site/",), settings_files=("site/project/test_settings.py",))
        self.assertEqual(classify(Change("site/project/test_settings.py"), layout), ("unplaced", "settings"))
        self.assertEqual(classify(Change("site/articles/test_views.py"), layout)[0], "ignored")


class ProjectBelowTheRepositoryTest(SimpleTestCase):
    """A project whose folder (ROOT) lies below git's top folder: paths are the project's, not the repository's."""

    def test_a_changed_line_selects_the_scenario_that_ran_it(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        top = Path(folder.name)
        root = top / "project"
        files = {"shop/views.py": "def view():\n    return 1\n", "features/a.feature": "Feature: A\n"}
        for path, text in files.items():
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text)

        def git(*arguments, cwd=top):
            return subprocess.run(["git", *arguments], cwd=cwd, check=True, capture_output=True, text=True).stdout

        git("init", "-q")
        git("add", ".")
        git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "start")
        layout = Layout(ignored=("reports/",))
        tracked = git("ls-files", cwd=root).splitlines()
        code = impact_map.working_tree_code(root, tracked, layout)
        ran = {"features/a.feature:3": {"name": "a", "drivers": ["client"], "lines": {"shop/views.py": {2}}}}
        impact_map.save(impact_map.ImpactMap(code, ran, "now"), root / layout.map_path)
        (root / "shop/views.py").write_text("def view():\n    return 2\n")
        scenarios = [SimpleNamespace(filename="features/a.feature", line=3)]
        chosen = select(root, "HEAD", scenarios, layout)
        self.assertEqual(chosen.locations, ["features/a.feature:3"], chosen.message)


class NoGitTest(SimpleTestCase):
    def test_a_copy_without_git_is_told_apart_from_an_unknown_commit(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        with self.assertRaisesMessage(NotACheckout, "is not a git checkout"):
            changes_since(Path(folder.name), "HEAD")
