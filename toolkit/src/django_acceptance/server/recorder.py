"""What the site did, recorded on the server's side: its requests, their queries, emails and logs.

    from django_acceptance.server import recorder

    with recorder.record() as window:
        driver.visit("/")            # the test client, or a browser and the live server's thread
    front = window.requests_to("/")[0]
    len(front.queries)               # how many queries the front page took

A Window collects, from when it opens until it closes, in every thread of this process (the
test client answers in the scenario's thread; the live server in its own):

- requests: Request(method, path, status, view, templates, duration, queries, redirect,
  form, exception, body, charset), one for each request the site answered, in the order
  they began; `html` is its body read as text. A redirect the client or browser followed
  is a request of its own whose predecessor's `redirect` names where it led.
- queries: Query(sql, params, duration, alias, request) of every statement, those run
  outside any request (a step setting the scene) included, with request None.
- emails: Email(to, subject, body, links) sent through Django's mail (its test outbox).
- logs: Log(level, logger, message) at WARNING and above.
- exceptions: Raised(type, message, frames, where) for every exception a view let out;
  `where` is its innermost frame in the project's code roots (ACCEPTANCE["CODE_ROOTS"]).

Windows nest (a scenario's, a step's, a query budget's inside it): each one open sees all.
What is recorded is raw (passwords included): whoever writes it out masks it (report/trace.py).
Durations are seconds. Nothing is installed until the first window opens; after that, one
function call per query and per request while no window is open.
"""

import functools
import logging
import re
import sys
import threading
import time
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Email", "Log", "Query", "Raised", "Request", "Window", "record"]

# What a parameter of a query keeps: a long text (an article's body) is cut.
PARAM_CHARS = 200
LINK = re.compile(r"https?://[^\s<>\"']+")


@dataclass
class Query:
    sql: str
    # The parameters as the database was given them: turned into `params` only when a trace or a
    # budget reads them, which most recorded queries never are (a passing scenario's trace is dropped).
    sent: object = field(repr=False)
    duration: float
    alias: str
    request: "Request | None" = field(default=None, repr=False)
    many: bool = False

    @functools.cached_property
    def params(self):
        return _params(self.sent, self.many)


@dataclass
class Raised:
    type: str
    message: str
    frames: list  # (file, line, function), outermost first, files as they are on disk
    where: tuple | None  # the innermost (file, line, function) in the project's code roots, file relative to ROOT

    @property
    def headline(self):
        """`AttributeError: 'User' object has no attribute 'profile' (site/articles/views.py:52)`"""
        place = f" ({self.where[0]}:{self.where[1]})" if self.where else ""
        return f"{self.type}: {self.message}{place}" if self.message else f"{self.type}{place}"


@dataclass
class Request:
    method: str
    path: str  # with its query string
    status: int | None = None  # None while it is being answered
    view: str = ""  # the URL's name (namespace:name), or the view's dotted path when it has none
    templates: list = field(default_factory=list)
    duration: float = 0.0
    queries: list = field(default_factory=list)
    redirect: str | None = None  # a 3xx answer's Location
    form: dict = field(default_factory=dict)  # POST fields, name -> value or list of values
    exception: Raised | None = None
    # The page the site answered with, when it answered HTML, as it was sent: read as text only when
    # a trace reads it (a passing scenario's never is).
    body: bytes = field(default=b"", repr=False)
    charset: str = field(default="utf-8", repr=False)

    @property
    def html(self):
        """The page the site answered with, when it answered HTML; otherwise ""."""
        return self.body.decode(self.charset, errors="replace")


@dataclass
class Email:
    to: list
    subject: str
    body: str
    links: list


@dataclass
class Log:
    level: str
    logger: str
    message: str


class Window:
    """What the site did while it was open; read it once it is closed (see the module's docstring)."""

    def __init__(self):
        self.requests = []
        self.queries = []
        self.logs = []
        self.exceptions = []
        self.emails = []
        self._outbox = None
        self._sent_before = 0

    def requests_to(self, path):
        """The requests answered for this path (without its query string), in order."""
        return [r for r in self.requests if r.path.split("?", 1)[0] == path]

    def _open(self):
        from django.core import mail

        self._outbox = getattr(mail, "outbox", None)
        self._sent_before = len(self._outbox) if self._outbox is not None else 0

    def _close(self):
        from django.core import mail

        outbox = getattr(mail, "outbox", None)
        if outbox is None:
            return
        # A new outbox (Django's test set-up empties it by replacing it) holds only mail sent since.
        sent = outbox[self._sent_before :] if outbox is self._outbox else list(outbox)
        self.emails = [_email(message) for message in sent]


def _email(message):
    bodies = [message.body] + [content for content, mimetype in getattr(message, "alternatives", [])]
    links = []
    for body in bodies:
        links += [link for link in LINK.findall(str(body)) if link not in links]
    return Email(to=list(message.to), subject=str(message.subject), body=str(message.body), links=links)


class _Recorder:
    """The process's one recorder: Django's handler, signals and connections lead here once installed."""

    def __init__(self):
        self.lock = threading.Lock()
        self.windows = []
        self.local = threading.local()  # .request: the Request this thread is answering
        self.installed = False
        self.log_handler = _LogHandler(self)

    def open(self, window):
        self.install()
        with self.lock:
            window._open()
            self.windows.append(window)
            if len(self.windows) == 1:
                logging.getLogger().addHandler(self.log_handler)
        _wrap_connections()

    def close(self, window):
        with self.lock:
            self.windows.remove(window)
            if not self.windows:
                logging.getLogger().removeHandler(self.log_handler)
            window._close()

    def install(self):
        if self.installed:
            return
        from django.core.handlers.base import BaseHandler
        from django.core.signals import got_request_exception
        from django.test.signals import template_rendered

        answer = BaseHandler.get_response
        recorder = self

        def get_response(handler, request):
            if not recorder.windows:
                return answer(handler, request)
            return recorder.answer(answer, handler, request)

        BaseHandler.get_response = get_response
        # Sent by Django's test renderer (set up for every test run), in the thread that renders.
        template_rendered.connect(self.rendered, dispatch_uid="django_acceptance.recorder")
        got_request_exception.connect(self.raised, dispatch_uid="django_acceptance.recorder")
        self.installed = True

    def answer(self, answer, handler, request):
        _wrap_connections()  # this thread's connections (the live server's may be its own)
        record = Request(method=request.method, path=request.get_full_path())
        if request.method == "POST":
            record.form = {k: v if len(v) > 1 else v[0] for k, v in request.POST.lists()}
        self._each(lambda window: window.requests.append(record))
        outer, self.local.request = getattr(self.local, "request", None), record
        started = time.perf_counter()
        try:
            response = answer(handler, request)
            record.status = response.status_code
            if 300 <= response.status_code < 400:
                record.redirect = response.get("Location")
            elif "html" in response.get("Content-Type", "") and not response.streaming:
                record.body, record.charset = response.content, response.charset or "utf-8"
            return response
        finally:
            record.duration = time.perf_counter() - started
            match = getattr(request, "resolver_match", None)
            if match is not None:
                record.view = match.view_name or match._func_path
            self.local.request = outer

    def query(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            if self.windows:
                request = getattr(self.local, "request", None)
                found = Query(
                    sql=sql,
                    sent=params,
                    duration=time.perf_counter() - started,
                    alias=context["connection"].alias,
                    request=request,
                    many=many,
                )
                if request is not None:
                    request.queries.append(found)
                self._each(lambda window: window.queries.append(found))

    def rendered(self, sender, **kwargs):
        request = getattr(self.local, "request", None)
        name = getattr(sender, "name", None)
        if request is not None and name and name not in request.templates:
            request.templates.append(name)

    def raised(self, sender, request=None, **kwargs):
        if not self.windows:
            return
        raised = _raised(*sys.exc_info()[:3])
        if raised is None:
            return
        current = getattr(self.local, "request", None)
        if current is not None:
            current.exception = raised
        self._each(lambda window: window.exceptions.append(raised))

    def logged(self, record):
        log = Log(level=record.levelname, logger=record.name, message=record.getMessage())
        self._each(lambda window: window.logs.append(log))

    def _each(self, add):
        with self.lock:
            for window in self.windows:
                add(window)


class _LogHandler(logging.Handler):
    def __init__(self, recorder):
        super().__init__(level=logging.WARNING)
        self.recorder = recorder

    def emit(self, record):
        try:
            self.recorder.logged(record)
        except Exception:  # a log record that cannot be formatted is not the run's failure
            self.handleError(record)


_recorder = _Recorder()


def _wrap(execute, sql, params, many, context):
    return _recorder.query(execute, sql, params, many, context)


def _wrap_connections():
    """Put the query wrapper on this thread's connections (a live server sharing one has it already)."""
    from django.db import connections

    for alias in connections:
        wrappers = connections[alias].execute_wrappers
        # Innermost, so that a query's time is its own, not that of a wrapper that waits (run.py's).
        if not wrappers or wrappers[-1] is not _wrap:
            if _wrap in wrappers:
                wrappers.remove(_wrap)
            wrappers.append(_wrap)


def _params(params, many):
    if params is None:
        return ()
    if many:
        return (f"{len(params)} rows",) if hasattr(params, "__len__") else ("many rows",)
    values = params.values() if isinstance(params, dict) else params
    return tuple(_param(value) for value in values)


def _param(value):
    if isinstance(value, int | float | bool) or value is None:
        return value
    text = str(value)
    return text if len(text) <= PARAM_CHARS else text[:PARAM_CHARS] + "…"


def _raised(kind, error, tb):
    if kind is None:
        return None
    frames = [(frame.filename, frame.lineno, frame.name) for frame in traceback.extract_tb(tb)]
    return Raised(type=kind.__name__, message=str(error), frames=frames, where=_in_project(frames))


def _in_project(frames):
    """The innermost frame in the project's code roots, its file relative to the project's root."""
    from django_acceptance.conf import project

    setting = project()
    roots = [setting.root / root for root in setting.code_roots]
    for filename, line, name in reversed(frames):
        path = Path(filename)
        if "site-packages" in path.parts or not path.is_absolute():
            continue
        if any(path.is_relative_to(root) for root in roots):
            return (path.relative_to(setting.root).as_posix(), line, name)
    return None


@contextmanager
def record():
    """Open a Window on what the site does until the block ends (see the module's docstring)."""
    window = Window()
    _recorder.open(window)
    try:
        yield window
    finally:
        _recorder.close(window)
