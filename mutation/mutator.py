"""Mutants of what the site answers and what it emails, made between the site and its client.

The test settings put `Mutator` first in MIDDLEWARE. It is inert unless the environment
variable NEWSROOM_MUTANT_FILE names a file: without it Django drops the middleware at start-up
(MiddlewareNotUsed), so an ordinary run pays nothing. With it, the file is read at every request
and holds at most one mutant, on one line: `LAYER ADDRESS OPERATOR`, e.g.

    responses article-detail refusal-answered-200
    emails password_reset link-host

ADDRESS is the name of the URL pattern (its view name) whose answers, or whose emails, change;
an empty file is no mutant. `make mutants` (mutation/layers.py) writes the file between
scenarios, so one long-lived run of the suite judges many mutants. The file lives outside the
site's code (mutation/), as it is never part of what the site is.
"""

import io
import os
import re
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core import mail
from django.core.exceptions import MiddlewareNotUsed
from django.core.handlers.wsgi import WSGIRequest

ENVIRONMENT = "NEWSROOM_MUTANT_FILE"
ELSEWHERE = "elsewhere.example"
LINK = re.compile(r"https?://[^\s\"'<>]+")
# Each header that keeps a page safe or says how it may be cached, and its weakened value
# (None: it can only be dropped; X-Frame-Options SAMEORIGIN still keeps other sites out).
HEADERS = {
    "X-Frame-Options": None,
    "X-Content-Type-Options": None,
    "Referrer-Policy": "unsafe-url",
    "Cross-Origin-Opener-Policy": "unsafe-none",
    "Cache-Control": "public, max-age=86400",
    "Expires": None,
    "Vary": None,
}


@dataclass(frozen=True)
class Mutant:
    layer: str
    address: str
    operator: str

    @classmethod
    def parse(cls, line):
        layer, address, operator = line.split()
        return cls(layer, address, operator)

    def __str__(self):
        return f"{self.layer} {self.address} {self.operator}"


class Mutator:
    def __init__(self, get_response):
        self.file = os.environ.get(ENVIRONMENT)
        if not self.file:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        mutant = self._mutant()
        sent = len(getattr(mail, "outbox", ()))
        response = self.get_response(request)
        match = request.resolver_match
        if mutant is None or match is None or match.view_name != mutant.address:
            return response
        if mutant.layer == "emails":
            for message in mail.outbox[sent:]:
                EMAILS[mutant.operator](message)
            if mutant.operator == "sent-twice":
                mail.outbox.extend(mail.outbox[sent:])
            return response
        return RESPONSES[mutant.operator](self, request, response, mutant.operator)

    def _mutant(self):
        try:
            with open(self.file) as file:
                line = file.read().strip()
        except FileNotFoundError:
            return None
        return Mutant.parse(line) if line else None

    # Responses

    def refusal_answered_200(self, request, response, operator):
        if response.status_code in (403, 404, 405):
            response.status_code, response.reason_phrase = 200, "OK"
        return response

    def redirect_answered_200(self, request, response, operator):
        """The page the redirect leads to, answered at once with 200: a refresh then sends the form again."""
        if not 300 <= response.status_code < 400:
            return response
        target = urlsplit(response["Location"])
        if target.netloc and target.netloc != request.get_host():
            return response
        cookies = dict(request.COOKIES)
        for name, morsel in response.cookies.items():
            if morsel["max-age"] == 0 or not morsel.value:
                cookies.pop(name, None)
            else:
                cookies[name] = morsel.value
        environ = {
            **request.META,
            "REQUEST_METHOD": "GET",
            "PATH_INFO": target.path,
            "QUERY_STRING": target.query,
            "CONTENT_LENGTH": "0",
            "wsgi.input": io.BytesIO(b""),
            "HTTP_COOKIE": "; ".join(f"{name}={value}" for name, value in cookies.items()),
        }
        environ.pop("CONTENT_TYPE", None)
        page = self.get_response(WSGIRequest(environ))
        page.status_code, page.reason_phrase = 200, "OK"
        for name, morsel in response.cookies.items():
            if name not in page.cookies:
                page.cookies[name] = morsel
        return page

    def redirect_elsewhere(self, request, response, operator):
        """A redirect on the site to the front page instead (to the sign-in page, where it led to the front page)."""
        if 300 <= response.status_code < 400:
            path = urlsplit(response["Location"]).path
            response["Location"] = "/" if path != "/" else "/login/"
        return response

    def redirect_off_site(self, request, response, operator):
        if 300 <= response.status_code < 400:
            target = urlsplit(response["Location"])
            response["Location"] = urlunsplit(("http", ELSEWHERE, target.path, target.query, ""))
        return response

    def header(self, request, response, operator):
        action, _, name = operator.partition("-header-")
        header = next(h for h in HEADERS if h.lower() == name)
        if header in response:
            if action == "drop":
                del response[header]
            else:
                response[header] = HEADERS[header]
        return response

    def cookie(self, request, response, operator):
        """The session cookie set without HttpOnly, or for every site's requests (SameSite=None)."""
        morsel = response.cookies.get(settings.SESSION_COOKIE_NAME)
        if morsel is not None and morsel.value:
            if operator == "cookie-readable-by-scripts":
                morsel["httponly"] = ""
            else:  # what makes a form on another site carry it (once the cookie is Secure, as it is in production)
                morsel["samesite"] = "None"
        return response


def operators_for(header):
    """The response operators of one header: dropped, and weakened where a weaker value exists."""
    name = header.lower()
    return [f"drop-header-{name}"] + ([f"weaken-header-{name}"] if HEADERS[header] else [])


RESPONSES = {
    "refusal-answered-200": Mutator.refusal_answered_200,
    "redirect-answered-200": Mutator.redirect_answered_200,
    "redirect-elsewhere": Mutator.redirect_elsewhere,
    "redirect-off-site": Mutator.redirect_off_site,
    "cookie-readable-by-scripts": Mutator.cookie,
    "cookie-sent-by-every-site": Mutator.cookie,
    **{operator: Mutator.header for header in HEADERS for operator in operators_for(header)},
}


# Emails: each operator changes one message in place, as it lies in the outbox.


def _links(message, change):
    message.body = LINK.sub(lambda m: change(m.group(0)), message.body)
    if getattr(message, "alternatives", None):
        message.alternatives = [
            type(a)(LINK.sub(lambda m: change(m.group(0)), a.content), a.mimetype) for a in message.alternatives
        ]


def _part(url, **parts):
    return urlunsplit(urlsplit(url)._replace(**parts))


def _html_disagreeing(message):
    """An HTML part beside the plain one, whose links lead elsewhere: what an HTML reader sees differs."""
    html = LINK.sub(lambda m: _part(m.group(0), netloc=ELSEWHERE), message.body)
    message.attach_alternative(f"<p>{html}</p>", "text/html")


def _path_changed(url):
    path = urlsplit(url).path.rstrip("/")
    return _part(url, path=path[: path.rfind("/") + 1] if path.count("/") > 1 else "/")


EMAILS = {
    "sender": lambda m: setattr(m, "from_email", f"newsroom@{ELSEWHERE}"),
    "recipient-replaced": lambda m: setattr(m, "to", [f"someone@{ELSEWHERE}"]),
    "recipient-added": lambda m: setattr(m, "to", [*m.to, f"someone@{ELSEWHERE}"]),
    # The address as someone might type it, not as the account keeps it.
    "recipient-as-typed": lambda m: setattr(m, "to", [address.upper() for address in m.to]),
    "copy-to-someone": lambda m: setattr(m, "bcc", [*m.bcc, f"someone@{ELSEWHERE}"]),
    "reply-to-elsewhere": lambda m: setattr(m, "reply_to", [f"someone@{ELSEWHERE}"]),
    "subject": lambda m: setattr(m, "subject", m.subject.upper()),
    "subject-emptied": lambda m: setattr(m, "subject", ""),
    "link-host": lambda m: _links(m, lambda url: _part(url, netloc=ELSEWHERE)),
    "link-scheme": lambda m: _links(m, lambda url: _part(url, scheme="https" if url.startswith("http:") else "http")),
    "link-path": lambda m: _links(m, _path_changed),
    "html-disagreeing": _html_disagreeing,
    "sent-twice": lambda m: None,  # the copy is added to the outbox by Mutator.__call__
}
