"""The requests a client run wrote down (recording.py), sent again through a plain Django test client.

For the benchmark only: `REPLAY=FILE python manage.py test bench.replay`
runs one test per recorded scenario, which saves what the steps saved, signs in and
out where they did, and sends each request with the same data; each answer must have
the status the scenario got. No HTML is read and nothing is checked beyond that.
"""

import json
import os
import re
import unittest

from django.contrib.auth import get_user_model
from django.core import mail, serializers
from django.test import Client, TestCase
from django.urls import resolve

LINK = re.compile(r"https?://\S+")


class Replay(TestCase):
    events = ()

    def test_requests(self):
        client = Client()
        for event in self.events:
            if event["kind"] == "save":
                for found in serializers.deserialize("json", event["objects"]):
                    found.save()
            elif event["kind"] == "login":
                client.force_login(get_user_model().objects.get_by_natural_key(event["username"]))
            elif event["kind"] == "logout":
                client.logout()
            else:
                path = _from_email(event["path"]) if event["from_email"] else event["path"]
                method = getattr(client, event["method"])
                response = method(
                    path, event["data"], follow=event["follow"], headers=event["headers"], **event.get("more", {})
                )
                self.assertEqual(response.status_code, event["status"], f"{event['method'].upper()} {path}")


def _from_email(recorded):
    """The link of the same kind (a reset link, say) in the newest email that has one."""
    wanted = resolve(recorded).url_name
    for message in reversed(mail.outbox):
        for link in LINK.findall(message.body):
            path = "/" + link.split("/", 3)[3]
            if resolve(path.split("?")[0]).url_name == wanted:
                return path
    raise AssertionError(f"No email has a link like {recorded}")


def load_tests(loader, tests, pattern):
    suite = unittest.TestSuite()
    path = os.environ.get("REPLAY")
    if not path:
        return suite
    for number, scenario in enumerate(json.loads(open(path).read()), start=1):
        name = f"Replay{number}"
        case = type(name, (Replay,), {"events": scenario["events"], "__doc__": scenario["scenario"]})
        suite.addTest(case("test_requests"))
    return suite
