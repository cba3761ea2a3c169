"""One live server for the whole run, serving from the scenario's own database transaction.

Stock behave-django starts a live server for every scenario and flushes the
database afterwards (a TransactionTestCase), about half a second each. Here the
server thread shares the test thread's database connection, as Django's own
LiveServerTestCase does for in-memory SQLite, so a browser scenario runs inside
the same rolled-back transaction as a client scenario.
"""

import socket
import threading
import time
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import WSGIServer
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connections
from django.http import HttpResponseRedirect, parse_cookie
from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler
from django.test.utils import modify_settings

# Where a browser scenario's first visit goes by way of (and any visit after signing in or
# out): the answer forgets every cookie the browser sends, sets the session cookie of the
# person to sign in, if any, and sends the browser on to the page it was going to. A new
# browser and a signed-in one, for no round trip of their own. Only the test server has it.
START_PATH = "/__acceptance__/start"


class Gate:
    """Closed between scenarios: the live server then answers nothing, and a late request waits for the next.

    Held by the server thread while it answers a request, and by the scenario's thread from
    the end of a scenario until the next has its transaction: a request the browser sends
    late (one chromedriver did not wait for) must not use the shared connection while the
    scenario's transaction is rolled back. Sharing it so crashed Python's sqlite3 module
    (a segmentation fault, seen once in a parallel run under load).
    """

    def __init__(self):
        self._lock = threading.Lock()
        self.closed = False

    def close(self):
        """From the end of a scenario: the server answers nothing until open()."""
        if not self.closed:  # A scenario whose set-up failed ends without having been ready.
            self._lock.acquire()
            self.closed = True

    def open(self):
        if self.closed:
            self.closed = False
            self._lock.release()

    def __enter__(self):
        self._lock.acquire()

    def __exit__(self, *exc_info):
        self._lock.release()


class Traffic:
    """What the live server is answering, so that a step ends only once the site has answered.

    A browser may answer an action before the request it sent has reached the site
    (WebKit does, Chromium under load): a step that then reads or writes the database
    would race the request. So the browser driver says when it has sent the browser to
    the site (expect()), and whoever is about to go on waits for idle(): the request has
    arrived, the server has answered it and every redirect it gave on the site, and
    nothing is being answered. Waiting costs the browser no command.
    """

    def __init__(self):
        self._changed = threading.Condition()
        self._answering = 0  # requests being answered now
        self._owed = False  # a request the browser is to send: an action's, a redirect's
        self._awaited = ""  # what the browser was sent for, for the error when it never comes
        self.hold = 0.0  # seconds to hold every request before answering it (-D slow_site)

    def expect(self, awaited):
        """The browser has been (or is about to be) sent to the site: a request is on its way."""
        with self._changed:
            self._owed, self._awaited = True, awaited

    def forget(self):
        """Between scenarios: what the last one's browser was to send no longer counts."""
        with self._changed:
            self._owed = False
            self._changed.notify_all()

    def idle(self, timeout):
        """Wait until the site has answered what it was sent and answers nothing; False after timeout s."""
        with self._changed:
            return self._changed.wait_for(lambda: not (self._answering or self._owed), timeout)

    def unanswered(self):
        """Why idle() gave up, as the end of a sentence."""
        with self._changed:
            return f"{self._awaited} never reached it" if self._owed else "it was still answering"

    def answering(self, environ, app, start_response):
        with self._changed:
            self._answering += 1
            self._owed = False
        redirected = []

        def started(status, headers, exc_info=None):
            location = next((value for name, value in headers if name.lower() == "location"), None)
            if status.startswith("3") and location is not None and _on_site(location, environ):
                redirected.append(location)
            return start_response(status, headers, exc_info)

        try:
            if self.hold:
                # Not a wait for anything: the slow-site mode makes the site slow on purpose.
                time.sleep(self.hold)
            return app(environ, started)
        finally:
            with self._changed:
                self._answering -= 1
                if redirected:
                    self._owed = True
                    self._awaited = f"the page {redirected[0]} redirected to"
                self._changed.notify_all()


def _on_site(location, environ):
    """Whether a redirect leads back to this server (so the browser's next request comes here)."""
    where = urlsplit(location)
    return not where.netloc or where.netloc == environ.get("HTTP_HOST")


class SharedConnectionHandler:
    """The site, served without closing the connection it shares with the scenario.

    Its static files are served as Django's own live server serves them (StaticFilesHandler),
    where the project has them (STATIC_URL set); a project without leaves them out.

    Django's test client reconnects close_old_connections after each of its own
    requests, so a client scenario run between two browser scenarios would bring it
    back; it is taken off again before every request the live server answers.
    """

    traffic = None  # the run's Traffic and Gate, set by SharedLiveServer
    gate = None

    def __init__(self, application):
        self.application = StaticFilesHandler(application) if getattr(settings, "STATIC_URL", None) else application

    def __call__(self, environ, start_response):
        return self.traffic.answering(environ, self._answer, start_response)

    def _answer(self, environ, start_response):
        if environ.get("PATH_INFO") == START_PATH:
            return start(environ, start_response)
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        with self.gate:
            return self.application(environ, start_response)


def start(environ, start_response):
    """Forget the browser's cookies, give it the session named in the query, if any, and send it on."""
    query = parse_qs(environ.get("QUERY_STRING", ""))
    response = HttpResponseRedirect(query["next"][0])
    for name in parse_cookie(environ.get("HTTP_COOKIE", "")):
        response.delete_cookie(name)
    if "session" in query:
        # A fresh cookie: one deleted above would keep its past expiry date.
        response.cookies.pop(settings.SESSION_COOKIE_NAME, None)
        response.set_cookie(
            settings.SESSION_COOKIE_NAME,
            query["session"][0],
            path=settings.SESSION_COOKIE_PATH,
            domain=settings.SESSION_COOKIE_DOMAIN,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=settings.SESSION_COOKIE_HTTPONLY,
            samesite=settings.SESSION_COOKIE_SAMESITE,
        )
    headers = [*response.items(), *(("Set-Cookie", c.output(header="")) for c in response.cookies.values())]
    start_response(f"{response.status_code} {response.reason_phrase}", headers)
    return [b""]


class SilenceClosingHandler(QuietWSGIRequestHandler):
    """Closes a connection that sends nothing for `timeout` seconds.

    WebKit opens a spare connection ahead of need and may leave it silent. A
    server that answers one connection at a time would wait on it for ever while
    the browser's real request queues behind it, stalling the scenario.
    """

    timeout = 2  # A browser sends its request as soon as it connects.

    def handle_one_request(self):
        try:
            super().handle_one_request()
        except TimeoutError:
            self.close_connection = True


class QuickStopWSGIServer(WSGIServer):
    """Stops within 50 ms of being told: Python's server looks for the word every 0.5 s,
    which every run (every worker of a parallel one) waited out at its end."""

    def serve_forever(self, poll_interval=0.05):
        super().serve_forever(poll_interval)


class SerialLiveServerThread(LiveServerThread):
    # One request at a time: the shared connection is never used by two
    # threads at once, and the server answers "Connection: close", so no
    # keep-alive socket outlives a scenario.
    server_class = QuickStopWSGIServer

    def _create_server(self, connections_override=None):
        return self.server_class((self.host, self.port), SilenceClosingHandler, allow_reuse_address=False)


class SharedLiveServer:
    def __init__(self, host, port, public_host, hold=0.0):
        self.host, self.port, self.public_host = host, port, public_host
        self.thread = None
        self.traffic = Traffic()
        self.traffic.hold = hold
        self.gate = Gate()
        self._allowed_hosts = None

    @property
    def url(self):
        return f"http://{self.public_host}:{self.thread.port}"

    def start(self):
        # Try the address first: a server thread that fails to bind would close the
        # connection it shares, and with it the scenario's transaction.
        try:
            with socket.create_server((self.host, self.port)):
                pass
        except OSError as error:
            raise LiveServerError(
                f"The live server cannot listen on {self.host}:{self.port} ({error.strerror or error}): "
                "choose another with -D server_host=... -D server_port=..."
            ) from None
        connection = connections["default"]
        connection.inc_thread_sharing()
        # Django closes "old" connections at the start and end of every request;
        # here that would close the connection the scenario's transaction lives on.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        self._allowed_hosts = modify_settings(ALLOWED_HOSTS={"append": self.public_host})
        self._allowed_hosts.enable()
        handler = type("RunHandler", (SharedConnectionHandler,), {"traffic": self.traffic, "gate": self.gate})
        self.thread = SerialLiveServerThread(
            self.host,
            handler,
            connections_override={"default": connection},
            port=self.port,
        )
        self.thread.daemon = True
        self.thread.start()
        self.thread.is_ready.wait()
        if self.thread.error:
            error, self.thread = self.thread.error, None
            self._restore()
            if isinstance(error, OSError):
                raise LiveServerError(
                    f"The live server cannot listen on {self.host}:{self.port} ({error}): "
                    "choose another with -D server_host=... -D server_port=..."
                ) from None
            raise LiveServerError(f"The live server cannot start: {type(error).__name__}: {error}") from None
        return self

    def stop(self):
        if self.thread:
            self.thread.terminate()
            self.thread = None
            self._restore()

    def _restore(self):
        connections["default"].dec_thread_sharing()
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
        if self._allowed_hosts:
            self._allowed_hosts.disable()
            self._allowed_hosts = None


class LiveServerError(Exception):
    pass
