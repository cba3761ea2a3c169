"""The exact requests a client run makes, written down for the benchmark to replay (`-D record=FILE`).

scripts/bench.py compares the client scenarios of the seed's workflows with the same
requests sent through a plain Django test client (bench/replay.py): what
the scenarios cost beyond their requests. So that the replay meets the same database,
what the steps write outside requests (people, articles, a changed password) is written
down too, as it stands just before the next request, and the replay saves it then.
"""

import contextlib
import json
from pathlib import Path

from django.contrib.sessions.models import Session
from django.core import mail, serializers
from django.db.models.signals import m2m_changed, post_save


class Recorder:
    def __init__(self, path):
        self.path = Path(path)
        self.scenarios = []
        self.events = None
        self.changed = {}
        self.busy = False
        post_save.connect(self._changed, weak=False)
        m2m_changed.connect(self._changed, weak=False)

    def start(self, name):
        self.events = []
        self.changed = {}
        self.scenarios.append({"scenario": name, "events": self.events})

    def client(self, client):
        return RecordedClient(client, self)

    @contextlib.contextmanager
    def event(self, kind, **fields):
        """Write down what the steps changed since the last event, then this event; nothing it saves itself."""
        if self.changed:
            objects = serializers.serialize("json", self.changed.values())
            self.events.append({"kind": "save", "objects": objects})
            self.changed = {}
        event = {"kind": kind, **fields}
        self.events.append(event)
        self.busy = True
        try:
            yield event
        finally:
            self.busy = False

    def write(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.scenarios, indent=1))

    def _changed(self, sender, instance, **kwargs):
        if self.busy or self.events is None or isinstance(instance, Session):
            return
        self.changed[(instance._meta.label, instance.pk)] = instance


class RecordedClient:
    """A Django test client that writes down every request, sign-in and sign-out."""

    def __init__(self, client, recorder):
        self._client = client
        self._recorder = recorder

    def get(self, path, data=None, **kwargs):
        return self._request("get", path, data, **kwargs)

    def post(self, path, data=None, **kwargs):
        return self._request("post", path, data, **kwargs)

    def force_login(self, user):
        with self._recorder.event("login", username=user.get_username()):
            self._client.force_login(user)

    def logout(self):
        with self._recorder.event("logout"):
            self._client.logout()

    def __getattr__(self, name):
        return getattr(self._client, name)

    def _request(self, method, path, data, follow=False, headers=None, **more):
        # A link that came in an email carries a token the replay's own email will have instead.
        from_email = any(path in message.body for message in mail.outbox)
        # `more`: what else the request was sent with, such as the content type of a form's body.
        fields = {"method": method, "path": path, "data": data, "follow": follow, "headers": headers, "more": more}
        with self._recorder.event("request", **fields, from_email=from_email) as event:
            response = getattr(self._client, method)(path, data, follow=follow, headers=headers, **more)
            event["status"] = response.status_code
            return response
