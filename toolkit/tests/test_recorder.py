"""The recorder of what the site did: through the test client, and through the live server's thread."""

import urllib.error
import urllib.request

from django.contrib.auth.models import User
from django.test import TestCase

from django_acceptance.server import recorder
from django_acceptance.server.live_server import SharedLiveServer

VIEWS = "sample/views.py"


class ClientTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        User.objects.create(username="ada")
        User.objects.create(username="grace")

    def test_a_request_is_recorded_with_its_view_templates_and_queries(self):
        with recorder.record() as window:
            self.client.get("/people/")
        (people,) = window.requests
        self.assertEqual((people.method, people.path, people.status), ("GET", "/people/", 200))
        self.assertEqual((people.view, people.templates), ("people", ["sample/hello.html"]))
        # One query for the list, then one a person.
        self.assertEqual(len(people.queries), 3)
        self.assertIn('FROM "auth_user"', people.queries[0].sql)
        self.assertEqual(people.queries[1].params[0], User.objects.get(username="ada").pk)
        self.assertGreater(people.duration, 0)
        self.assertIn("<h1>Hello, ada, grace!</h1>", people.html)

    def test_emails_and_warnings_are_recorded(self):
        with recorder.record() as window:
            self.client.get("/people/")
        (email,) = window.emails
        self.assertEqual((email.to, email.subject), (["ada@example.com"], "People"))
        self.assertEqual(email.links, ["http://testserver/people/?n=2"])
        self.assertEqual([(log.level, log.message) for log in window.logs], [("WARNING", "listed 2 people")])

    def test_a_redirect_followed_is_two_requests(self):
        with recorder.record() as window:
            self.client.post("/", {"name": "Ada"}, follow=True)
        posted, hello = window.requests
        self.assertEqual((posted.method, posted.status, posted.redirect), ("POST", 302, "/hello/?name=Ada"))
        self.assertEqual(posted.html, "")  # a redirect is no page
        self.assertEqual(posted.form, {"name": "Ada"})
        self.assertEqual((hello.path, hello.status, hello.view), ("/hello/?name=Ada", 200, "hello"))
        self.assertEqual(window.requests_to("/hello/"), [hello])

    def test_an_exception_is_named_by_the_projects_own_line(self):
        self.client.raise_request_exception = False
        with recorder.record() as window:
            self.client.get("/broken/")
        (broken,) = window.requests
        self.assertEqual(broken.status, 500)
        (raised,) = window.exceptions
        self.assertIs(broken.exception, raised)
        self.assertEqual(raised.type, "AttributeError")
        self.assertEqual(raised.where[0], VIEWS)
        self.assertEqual(raised.where[2], "broken")
        self.assertEqual(raised.headline, f"AttributeError: {raised.message} ({VIEWS}:{raised.where[1]})")
        self.assertIn("'profile'", raised.message)

    def test_queries_outside_requests_belong_to_none(self):
        with recorder.record() as window:
            User.objects.count()
        (counted,) = window.queries
        self.assertIsNone(counted.request)
        self.assertEqual(window.requests, [])

    def test_windows_nest_and_a_closed_one_records_nothing_more(self):
        with recorder.record() as outer:
            self.client.get("/hello/")
            with recorder.record() as inner:
                self.client.get("/people/")
        self.client.get("/hello/")
        self.assertEqual([r.path for r in outer.requests], ["/hello/", "/people/"])
        self.assertEqual([r.path for r in inner.requests], ["/people/"])
        self.assertEqual(len(outer.queries), len(inner.queries))


class LiveServerTests(TestCase):
    """The live server answers in a thread of its own: the same window sees its requests and queries."""

    @classmethod
    def setUpTestData(cls):
        User.objects.create(username="ada")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # One server for the class, as a run has one: stopping it closes the connection it shares,
        # so that happens after the class's transaction is rolled back.
        cls.server = SharedLiveServer("127.0.0.1", 0, "127.0.0.1").start()
        cls.addClassCleanup(cls.server.stop)

    def open(self, path):
        try:
            with urllib.request.urlopen(self.server.url + path, timeout=10) as answer:
                return answer.status
        except urllib.error.HTTPError as error:
            return error.code

    def test_the_live_servers_requests_and_queries_are_recorded(self):
        with recorder.record() as window:
            status = self.open("/people/")
        self.assertEqual(status, 200, window.exceptions and window.exceptions[0].headline)
        (people,) = window.requests
        self.assertEqual((people.status, people.view, len(people.queries)), (200, "people", 2))
        self.assertEqual(window.queries, people.queries)
        self.assertEqual(window.emails[0].subject, "People")

    def test_an_exception_in_the_live_server_is_recorded_and_logged(self):
        with recorder.record() as window:
            self.assertEqual(self.open("/broken/"), 500)
        self.assertEqual(window.exceptions[0].where[0], VIEWS)
        self.assertIn(("ERROR", "django.request"), [(log.level, log.logger) for log in window.logs])
