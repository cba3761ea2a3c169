"""A behave formatter that records what each scenario can see of the settings, the answers and the emails.

`make mutants` runs the suite once with it beside rendered.py's (`-f mutation.seen:Seen -o FILE`):
  - every setting read while a scenario runs (Django keeps a setting once read, so what it kept
    is forgotten at the start of each scenario, and so are the readers Django caches:
    the time zone, the password validators);
  - every answer of the site, by its address (the URL pattern's view name): its status, the
    headers that keep it safe or say how it may be cached (on pages, not redirects), whether it
    starts a new session (a new session cookie);
  - every email sent while answering, by the address that sent it.
A mutant of a setting, an answer or an email then runs only the scenarios that saw it.
"""

import json
import os
from collections import defaultdict
from pathlib import Path

from behave.formatter.base import Formatter
from django.conf import LazySettings, settings
from django.contrib.auth import password_validation
from django.core import mail
from django.core.handlers.base import BaseHandler
from django.utils import timezone

from mutation.mutator import HEADERS


class Seen(Formatter):
    name = "seen"
    description = "Which scenarios read which settings, get which answers and send which emails (for mutants)"

    def __init__(self, stream_opener, config):
        super().__init__(stream_opener, config)
        self.current = None
        self.root = Path.cwd().resolve()
        self.settings = defaultdict(set)  # setting -> scenarios
        self.answers = defaultdict(lambda: defaultdict(set))  # address -> what it answered -> scenarios
        self.emails = defaultdict(lambda: defaultdict(set))  # address -> what its emails carry -> scenarios
        self.read_before = set()  # settings read before the first scenario (at start-up)
        self._watch_settings()
        self._watch_answers()

    def _watch_settings(self):
        read = LazySettings.__getattr__
        recorder = self

        def __getattr__(lazy, name):  # noqa: N807 (the method it stands in for)
            if name.isupper():
                if recorder.current:
                    recorder.settings[name].add(recorder.current)
                else:
                    recorder.read_before.add(name)
            return read(lazy, name)

        LazySettings.__getattr__ = __getattr__

    def _watch_answers(self):
        answer = BaseHandler.get_response
        recorder = self

        def get_response(handler, request):
            sent = len(getattr(mail, "outbox", ()))
            response = answer(handler, request)
            match, scenario = request.resolver_match, recorder.current
            if match is None or scenario is None:
                return response
            seen = recorder.answers[match.view_name]
            seen[f"status {response.status_code}"].add(scenario)
            # A header matters on a page the browser shows, not on a redirect it follows.
            for header in HEADERS:
                if header in response and not response.has_header("Location"):
                    seen[f"header {header}"].add(scenario)
            session = response.cookies.get(settings.SESSION_COOKIE_NAME)
            if session is not None and session.value and session.value != request.COOKIES.get(session.key):
                seen["new session"].add(scenario)
            for message in getattr(mail, "outbox", ())[sent:]:
                for what in ("email", "link" if "://" in message.body else None):
                    if what:
                        recorder.emails[match.view_name][what].add(scenario)
            return response

        BaseHandler.get_response = get_response

    def scenario(self, scenario):
        self.current = f"{os.path.relpath(scenario.filename, self.root)}:{scenario.line}"
        # Read again from here on: every scenario that reads a setting is written down, not just the first.
        for name in [n for n in vars(settings) if n.isupper()]:
            settings.__dict__.pop(name, None)
        timezone.get_default_timezone.cache_clear()
        password_validation.get_default_password_validators.cache_clear()

    def close(self):
        def plain(seen):
            return {key: {what: sorted(s) for what, s in kinds.items()} for key, kinds in sorted(seen.items())}

        stream = self.open()
        recorded = {
            "settings": {name: sorted(s) for name, s in sorted(self.settings.items())},
            "read_at_start": sorted(self.read_before),
            "answers": plain(self.answers),
            "emails": plain(self.emails),
        }
        json.dump(recorded, stream, indent=1)
        stream.write("\n")
        self.close_stream()
