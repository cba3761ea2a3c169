"""The trace of a scenario: for every step, what the site did (server/recorder.py) and the page it left.

With -D trace=failed (the default) every step is recorded on the server's side, which costs
no WebDriver command, and written out only when the scenario fails; with trace=all always;
with trace=off nothing is recorded. A trace is a folder, `trace/` in the scenario's evidence
folder: trace.json, trace.js (the same data as a script, which the specification page loads
from disk, where fetch() is refused) and its assets, each page once (page-N.html).

The page after a step is the last HTML the site answered with, up to that step: no command
to the browser. For the failing step of a browser scenario, the evidence (report/evidence.py)
adds the browser's own view of it (a screenshot, the page as scripts left it).

What the browser's pages wrote to their console, and the JavaScript errors they threw, are the
step's too: pushed by WebDriver BiDi as they happen, or read once a scenario has failed
(browser/console.py), for no command of a passing scenario, each given to the step during which
the browser said it (by its clock: a browser on a Grid whose
clock is off puts them a step early or late); what it said after the last step is that step's.

Secrets never reach a trace: passwords, CSRF tokens, session keys and reset links' tokens are masked.
"""

import hashlib
import json
import re
import time
from collections import Counter
from pathlib import Path

from django_acceptance.browser import console
from django_acceptance.server import recorder

MODES = ("failed", "all", "off")
# Queries of one request that are the same statement this many times are an N+1.
N_PLUS_ONE = 3
MASK = "••••••"
# Form fields whose values are secrets, by name.
SECRET_FIELD = re.compile(r"pass|csrf|token|secret", re.I)
# Secrets by their shape, wherever they appear (SQL parameters, addresses, emails, pages).
SECRETS = [
    # Password hashes: Django's "<algorithm>$<...>".
    re.compile(r"\b(?:pbkdf2_sha\d+|argon2|bcrypt(?:_sha256)?|scrypt|md5|sha1|unsalted_\w+)\$[^\s\"'<>,)]+"),
    # A password-reset link's token: "<timestamp in base 36>-<32 hex digits>".
    re.compile(r"\b[0-9a-z]{1,13}-[0-9a-f]{32}\b"),
    # A CSRF token in a page or a cookie (32 or 64 letters and digits).
    re.compile(r"(?<=csrfmiddlewaretoken\" value=\")[^\"]+"),
    re.compile(r"(?<=csrftoken=)[A-Za-z0-9]+"),
    # A session key: 32 lowercase letters and digits (Django's session table, its cookie).
    re.compile(r"(?<![A-Za-z0-9])(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{32}(?![A-Za-z0-9])"),
    # A digest of one (64 hex digits: django-axes keeps the session's SHA-256 in its access log).
    re.compile(r"(?<![A-Za-z0-9])(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{64}(?![A-Za-z0-9])"),
]
SESSION_TABLE = "django_session"


def mask(text):
    """The text with every secret of a known shape masked."""
    if not isinstance(text, str):
        return text
    for pattern in SECRETS:
        text = pattern.sub(MASK, text)
    return text


class Tracer:
    """One scenario's trace: a recorder window a step, opened as the last step ends (the hooks have no before_step)."""

    def __init__(self, mode):
        self.mode = mode
        self.steps = []
        self.window = None
        self._closing = None
        self._listening = None
        self._started = 0
        self._heard = []  # what the browser's console said during the scenario (browser/console.py)
        self.pages = {}  # digest -> file name
        self.last_page = None
        self.pictures = {}  # index of a step -> the PNG taken after it (-D screenshots=steps)

    @property
    def on(self):
        return self.mode != "off"

    def start(self):
        """The scenario is ready: record its first step."""
        if self.on:
            self._started = time.time() * 1000
            self._listening = console.listen()
            self._heard = self._listening.__enter__()
            self._open()

    def step_done(self, step):
        """Close the step's window, keep what it saw, open the next; return the site's exception in it, if any."""
        if not self.on or self.window is None:
            return None
        window = self._close()
        self.steps.append((step, window, time.time() * 1000))
        self._open()
        return window.exceptions[-1] if window.exceptions else None

    def picture(self, png):
        """The page as the browser showed it after the last step (taken for -D screenshots=steps)."""
        if self.on and self.steps:
            self.pictures[len(self.steps) - 1] = png

    def stop(self):
        if self.window is not None:
            self._close()
        if self._listening is not None:
            self._listening.__exit__(None, None, None)
            self._listening = None

    def wanted(self, failed):
        return self.mode == "all" or (self.mode == "failed" and failed)

    def save(self, folder, scenario, driver_name, extra=None):
        """Write the trace into folder/trace/; return that folder, or None without steps."""
        self.stop()
        if not self.steps:
            return None
        where = Path(folder) / "trace"
        where.mkdir(parents=True, exist_ok=True)
        steps = []
        heard = [entry for entry in self._heard if entry.timestamp >= self._started]
        said = _by_step(heard, [ended for _, _, ended in self.steps])
        for index, (step, window, _) in enumerate(self.steps):
            steps.append(self._step(where, index, step, window, said[index]))
            if index in self.pictures:
                name = f"after-step-{index + 1}.png"
                (where / name).write_bytes(self.pictures[index])
                steps[-1]["screenshot"] = name
        data = {
            "scenario": scenario.name,
            "location": str(scenario.location),
            "driver": driver_name,
            "steps": steps,
            "evidence": sorted(extra or []),
        }
        text = json.dumps(data, ensure_ascii=False, indent=1)
        (where / "trace.json").write_text(text, encoding="utf-8")
        # A script the page loads with a <script> element: it hands the data to the page by its folder's name.
        (where / "trace.js").write_text(
            f"(window.TRACES = window.TRACES || {{}})[document.currentScript.dataset.key] = {text};\n",
            encoding="utf-8",
        )
        return where

    def _open(self):
        self._closing = recorder.record()
        self.window = self._closing.__enter__()

    def _close(self):
        window, self.window = self.window, None
        self._closing.__exit__(None, None, None)
        return window

    def _step(self, where, index, step, window, heard):
        for request in window.requests:
            if request.body:
                self.last_page = self._page(where, request.html)
        return {
            "keyword": step.keyword,
            "name": step.name,
            "line": step.line,
            "status": step.status.name,
            "duration": round(step.duration, 4),
            "error": mask(step.error_message or "") if step.status.has_failed() else "",
            "requests": [_request(r) for r in window.requests],
            # Queries outside requests: the step's own (a Given setting the scene, a check).
            "step_queries": [_query(q) for q in window.queries if q.request is None],
            "emails": [_email(m) for m in window.emails],
            "logs": [{"level": log.level, "logger": log.logger, "message": mask(log.message)} for log in window.logs],
            "exceptions": [_raised(x) for x in window.exceptions],
            "console": [_said(entry) for entry in heard],
            "page": self.last_page,
        }

    def _page(self, where, html):
        digest = hashlib.sha1(html.encode("utf-8", "replace")).hexdigest()
        if digest not in self.pages:
            name = f"page-{len(self.pages) + 1}.html"
            (where / name).write_text(mask(html), encoding="utf-8")
            self.pages[digest] = name
        return self.pages[digest]


def _request(request):
    queries = [_query(q) for q in request.queries]
    repeated = Counter(q["sql"] for q in queries)
    return {
        "method": request.method,
        "path": mask(request.path),
        "status": request.status,
        "view": request.view,
        "templates": list(request.templates),
        "duration": round(request.duration, 4),
        "redirect": mask(request.redirect) if request.redirect else None,
        "form": {name: _field(name, value) for name, value in request.form.items()},
        "exception": _raised(request.exception) if request.exception else None,
        "queries": queries,
        "query_time": round(sum(q.duration for q in request.queries), 4),
        "n_plus_one": [{"sql": sql, "count": n} for sql, n in repeated.items() if n >= N_PLUS_ONE],
    }


def _field(name, value):
    if SECRET_FIELD.search(name):
        return MASK
    if isinstance(value, list):
        return [mask(v) for v in value]
    return mask(value)


INSERTED = re.compile(r'^INSERT INTO "?(\w+)"? \(([^)]*)\) VALUES', re.I)


def _query(query):
    secret = SESSION_TABLE in query.sql
    params = [MASK if secret and isinstance(p, str) else mask(p) for p in query.params]
    found = {"sql": query.sql, "params": params, "duration": round(query.duration, 5)}
    inserted = INSERTED.match(query.sql)
    if inserted:
        # Which value went to which column: "article_id=2" says where a row went without reading SQL.
        columns = [c.strip().strip('"`') for c in inserted.group(2).split(",")]
        if len(columns) == len(params):
            found["values"] = dict(zip(columns, params, strict=True))
            named = {c: _named(inserted.group(1), c, v) for c, v in found["values"].items()}
            found["named"] = {c: name for c, name in named.items() if name}
    return found


def _named(table, column, value):
    """What a foreign key of a row names ("article_id": 2 -> "Ferry times"): where the row went, in words.

    Read when the trace is written, in the scenario's own transaction: a row deleted since is not named.
    """
    from django.apps import apps

    if not column.endswith("_id") or not isinstance(value, int):
        return None
    for model in apps.get_models():
        if model._meta.db_table != table:
            continue
        for field in model._meta.concrete_fields:
            if field.column == column and field.is_relation:
                found = field.related_model._default_manager.filter(pk=value).first()
                return mask(str(found)) if found is not None else None
    return None


def _by_step(heard, ends):
    """The entries each step's time holds (ends: when each step ended, in ms since the epoch)."""
    said = [[] for _ in ends]
    for entry in sorted(heard, key=lambda entry: entry.timestamp):
        index = next((i for i, ended in enumerate(ends) if entry.timestamp <= ended), len(ends) - 1)
        said[index].append(entry)
    return said


def _said(entry):
    said = {"kind": entry.kind, "level": entry.level, "method": entry.method}
    return {**said, "text": mask(entry.text), "source": mask(entry.source)}


def _email(message):
    links = [mask(link) for link in message.links]
    return {"to": message.to, "subject": message.subject, "body": mask(message.body), "links": links}


def _raised(raised):
    return {
        "type": raised.type,
        "message": mask(raised.message),
        "where": list(raised.where) if raised.where else None,
        "headline": mask(raised.headline),
        "frames": [list(frame) for frame in raised.frames[-8:]],
    }
