"""A form sent twice, as a double click or a retry sends it, is acted on once.

Each form of the site carries a key of its own, new each time the form is shown
({% sent_once_key %}). The first request with a key does what the form does; a second with
the same key, from the same person, does nothing and is sent on where the first was: a
second click lands on the page the first would have shown, with the first's message.
Keys are kept in Django's cache (the same that counts reset emails) for a day.
"""

import hashlib
from http import HTTPStatus

from django.core.cache import cache
from django.shortcuts import redirect

FIELD = "sent_once"
KEPT_FOR = 24 * 3600  # seconds: longer than any page stays open before its form is sent
REDIRECTS = {HTTPStatus.MOVED_PERMANENTLY, HTTPStatus.FOUND, HTTPStatus.SEE_OTHER}


class SentOnceMixin:
    """For a view whose form carries the key: a POST with a key already acted on is answered as before."""

    def dispatch(self, request, *args, **kwargs):
        key = request.POST.get(FIELD) if request.method == "POST" else None
        if not key:
            # A request sent by hand without the key is acted on as it always was.
            return super().dispatch(request, *args, **kwargs)
        name = _cache_name(request, key)
        if not cache.add(name, {}, KEPT_FOR):
            return self.sent_again(request, cache.get(name) or {})
        try:
            response = super().dispatch(request, *args, **kwargs)
        except BaseException:
            cache.delete(name)
            raise
        if response.status_code in REDIRECTS:
            signed_in = request.user.pk if request.user.is_authenticated else None
            cache.set(name, {"location": response["Location"], "user": signed_in}, KEPT_FOR)
        else:
            # Refused (its errors shown) or not allowed: the form may be corrected and sent again.
            cache.delete(name)
        return response

    def sent_again(self, request, first):
        """The answer to a second request: where the first one led (the dashboard while it is still being answered)."""
        return redirect(first.get("location") or "dashboard")


def _cache_name(request, key):
    # The person's own: nobody else's request with the same key finds where it led.
    person = request.user.pk if request.user.is_authenticated else "visitor"
    return "sent-once:" + hashlib.sha256(f"{person}:{key}".encode()).hexdigest()
