"""A scenario's trace: what the site did at each step, secrets masked, the failure headed by the site's exception."""

import hashlib
import io
import json
import tempfile
import time
import uuid
from pathlib import Path
from types import SimpleNamespace

from behave.formatter.base import StreamOpener
from behave.model_core import Status
from django.conf import settings
from django.contrib.auth.models import User
from django.test import SimpleTestCase, TestCase

from django_acceptance.browser import console
from django_acceptance.report import page, spec, trace
from django_acceptance.report.formatters import Headline, failure_lines
from django_acceptance.server import recorder

PROJECT = Path(settings.BASE_DIR)


def step(name, status=Status.passed, error=""):
    return SimpleNamespace(keyword="When", name=name, line=5, status=status, duration=0.01, error_message=error)


SCENARIO = SimpleNamespace(name="Ada is greeted", location="features/greeting.feature:4")


class TracerTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        User.objects.create_user("ada", password="a secret of ada's")

    def setUp(self):
        self.folder = Path(tempfile.mkdtemp())

    def test_each_step_keeps_what_the_site_did_and_the_page_it_answered(self):
        tracer = trace.Tracer("failed")
        tracer.start()
        self.client.post("/", {"name": "Ada"}, follow=True)
        tracer.step_done(step("she gives her name"))
        self.client.get("/people/")
        tracer.step_done(step("she lists the people", Status.failed, "Nobody is listed."))
        where = tracer.save(self.folder, SCENARIO, "client")
        data = json.loads((where / "trace.json").read_text())
        first, second = data["steps"]
        self.assertEqual([(r["method"], r["status"]) for r in first["requests"]], [("POST", 302), ("GET", 200)])
        self.assertEqual(first["requests"][0]["form"], {"name": "Ada"})
        self.assertEqual((second["status"], second["error"]), ("failed", "Nobody is listed."))
        # The view asks for each person again: one statement a row is an N+1.
        self.assertEqual(len(second["requests"][0]["n_plus_one"]), 0)  # two people are not yet three
        self.assertEqual(second["emails"][0]["subject"], "People")
        self.assertIn("Hello, ada", (where / second["page"]).read_text())
        self.assertTrue((where / "trace.js").read_text().startswith("(window.TRACES"))

    def test_secrets_never_reach_the_trace(self):
        tracer = trace.Tracer("all")
        tracer.start()
        self.client.get("/")
        self.client.post("/", {"name": "Ada", "password": "a secret of ada's", "csrfmiddlewaretoken": "x" * 64})
        User.objects.create_user("grace", password="grace's own")
        tracer.step_done(step("she signs in"))
        where = tracer.save(self.folder, SCENARIO, "client")
        text = (where / "trace.json").read_text()
        self.assertNotIn("a secret of ada's", text)
        self.assertNotIn("x" * 64, text)
        self.assertNotIn(User.objects.get(username="grace").password, text)
        self.assertIn(trace.MASK, text)

    def test_a_session_keys_digest_is_masked_too(self):
        digest = hashlib.sha256(b"a session key").hexdigest()
        self.assertEqual(trace.mask(f"session_hash = '{digest}'"), f"session_hash = '{trace.MASK}'")
        # A commit or a content hash of letters alone or digits alone is left as it is.
        self.assertEqual(trace.mask("1" * 64), "1" * 64)

    def test_an_insert_says_which_value_went_to_which_column(self):
        tracer = trace.Tracer("failed")
        tracer.start()
        User.objects.create(username="grace")
        tracer.step_done(step("Grace has an account"))
        where = tracer.save(self.folder, SCENARIO, "client")
        (insert,) = json.loads((where / "trace.json").read_text())["steps"][0]["step_queries"]
        self.assertEqual(insert["values"]["username"], "grace")

    def test_a_row_written_names_what_its_foreign_keys_point_to(self):
        from django.contrib.auth.models import Permission
        from django.contrib.contenttypes.models import ContentType

        users = ContentType.objects.get_for_model(User)
        tracer = trace.Tracer("failed")
        tracer.start()
        Permission.objects.create(codename="greet", name="Can greet", content_type=users)
        tracer.step_done(step("Ada may greet"))
        where = tracer.save(self.folder, SCENARIO, "client")
        queries = json.loads((where / "trace.json").read_text())["steps"][0]["step_queries"]
        (insert,) = [q for q in queries if "values" in q]
        self.assertEqual(insert["named"], {"content_type_id": str(users)})

    def test_what_the_browser_said_goes_to_the_step_it_was_said_in_masked(self):
        tracer = trace.Tracer("failed")
        tracer.start()
        now = time.time() * 1000
        console.heard(console.Entry("console", "info", "log", "Drawing the map", "", now))
        # Said before the scenario began (the log endpoint keeps what earlier scenarios' pages said).
        console.heard(console.Entry("console", "error", "error", "An earlier scenario's", "", now - 10_000))
        tracer.step_done(step("she opens the map"))
        # Said during the first step, heard during the second (BiDi's events come on their own thread).
        link = "/reset/MQ/c4e1zx-0123456789abcdef0123456789abcdef/"
        console.heard(console.Entry("console", "error", "error", f"No tiles for {link}", "", now))
        console.heard(console.Entry("error", "error", "", "ReferenceError: tiles is not defined", "/m.js:3:9", 1e15))
        tracer.step_done(step("she sees the map", Status.failed, "No map."))
        where = tracer.save(self.folder, SCENARIO, "browser")
        first, second = json.loads((where / "trace.json").read_text())["steps"]
        said = [c["text"] for c in first["console"]]
        self.assertEqual(said, ["Drawing the map", f"No tiles for /reset/MQ/{trace.MASK}/"])
        # After the last step ended: that step's.
        self.assertEqual(second["console"][0]["kind"], "error")
        self.assertEqual(second["console"][0]["source"], "/m.js:3:9")
        console.heard(console.Entry("console", "error", "error", "After the scenario", "", now))
        self.assertNotIn("After the scenario", (where / "trace.json").read_text())

    def test_with_trace_off_nothing_is_recorded(self):
        open_before = list(recorder._recorder.windows)
        tracer = trace.Tracer("off")
        tracer.start()
        self.assertIsNone(tracer.window)
        self.assertIsNone(tracer.step_done(step("anything")))
        self.assertIsNone(tracer.save(self.folder, SCENARIO, "client"))
        self.assertEqual(recorder._recorder.windows, open_before)

    def test_pictures_of_the_steps_join_the_trace(self):
        tracer = trace.Tracer("failed")
        tracer.start()
        tracer.step_done(step("she gives her name"))
        tracer.picture(b"a picture")
        where = tracer.save(self.folder, SCENARIO, "browser")
        (first,) = json.loads((where / "trace.json").read_text())["steps"]
        self.assertEqual((where / first["screenshot"]).read_bytes(), b"a picture")

    def test_which_scenarios_keep_their_trace(self):
        self.assertEqual([trace.Tracer(m).wanted(False) for m in trace.MODES], [False, True, False])
        self.assertEqual([trace.Tracer(m).wanted(True) for m in trace.MODES], [True, True, False])


class HeadlineTests(TestCase):
    def test_the_sites_exception_heads_the_failure_with_the_projects_line(self):
        self.client.raise_request_exception = False
        tracer = trace.Tracer("failed")
        tracer.start()
        self.addCleanup(tracer.stop)  # step_done opens the next step's window
        self.client.get("/broken/")
        failed = step("she opens the broken page", Status.failed, "ASSERT FAILED: The page says: Server Error")
        failed.site_exception = tracer.step_done(failed)
        Headline(StreamOpener(stream=io.StringIO()), SimpleNamespace()).result(failed)
        headline, _, rest = failed.error_message.partition("\n")
        self.assertRegex(headline, r"^AttributeError: .*'profile' \(sample/views\.py:\d+\)$")
        self.assertEqual(rest, "ASSERT FAILED: The page says: Server Error")
        scenario = SimpleNamespace(location=SCENARIO.location, name=SCENARIO.name)
        lines = failure_lines(scenario, failed)
        self.assertTrue(lines[2].startswith("    The site raised AttributeError:"), lines)
        self.assertEqual(lines[3], "    The page says: Server Error")


class MaskTests(SimpleTestCase):
    def test_secrets_of_a_known_shape_are_masked(self):
        for secret in (
            "pbkdf2_sha256$870000$salt$hash=",
            "md5$salt$0123456789abcdef",
            "http://testserver/reset/MQ/c5r4ab-0123456789abcdef0123456789abcdef/",
            "abcdefghij0123456789abcdefghij01",
        ):
            with self.subTest(secret=secret):
                self.assertIn(trace.MASK, trace.mask(secret))
        self.assertEqual(trace.mask("Spring fair"), "Spring fair")


class PageTests(SimpleTestCase):
    """A failed scenario's trace on the specification page: copied beside it, loaded as a script, its step open."""

    def test_a_failure_opens_as_the_timeline_of_its_trace(self):
        root = Path(tempfile.mkdtemp())
        evidence = root / "failures" / "greeting--ada"
        (evidence / "trace").mkdir(parents=True)
        (evidence / "trace" / "trace.js").write_text("(window.TRACES = window.TRACES || {})[0] = {};")
        (evidence / "screenshot.png").write_bytes(b"png")
        results = root / "results"
        results.mkdir()
        result = {
            "name": "Someone who gives her name is greeted by it",
            "status": "failed",
            "statusDetails": {"message": "AttributeError: no 'profile' (sample/views.py:9)\nThe page says: oops"},
            "parameters": [{"name": "ran in", "value": "client"}],
            "labels": [
                {"name": "location", "value": "features/greeting.feature:4"},
                {"name": "trace", "value": str(evidence / "trace")},
            ],
            "steps": [
                {"name": "Given Ada opens the greeting page", "status": "passed", "start": 0, "stop": 20},
                {"name": "When she gives her name", "status": "failed", "start": 20, "stop": 60},
                {"name": "Then she is greeted by name on the hello page", "status": "skipped", "start": 60, "stop": 60},
            ],
            "start": 1,
        }
        (results / f"{uuid.uuid4()}-result.json").write_text(json.dumps(result))
        run = spec.build(PROJECT, [results], ["features"])
        html = page.render(run, output=root / "out")
        self.assertIn("data-trace='traces/client--greeting--ada/trace/trace.js' open", html)
        self.assertTrue((root / "out" / "traces" / "client--greeting--ada" / "screenshot.png").exists())
        self.assertIn("AttributeError: no &#x27;profile&#x27; (sample/views.py:9)", html)
        self.assertIn("<span class='took skipped' title='client: skipped'>client skipped</span>", html)
        self.assertIn("<span class='took passed' title='client: passed'>client 0.02 s</span>", html)
        self.assertIn("id='show-failed'", html)
        self.assertIn("body:has(#show-failed:checked) article.scenario:not(.has-failed)", html)
