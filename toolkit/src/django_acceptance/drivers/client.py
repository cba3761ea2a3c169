"""The Django test client, driven like a browser without JavaScript.

It reads the real form from the page, fills fields by their labels, and posts
back what the form holds, CSRF token included, through a client that enforces
CSRF checks. So a template without its token, a renamed field or a missing
label fails here just as it would in a browser.

Pages are parsed by lxml (libxml2's HTML parser, in C): reading a page costs it a tenth
of what Beautiful Soup's tree of Python objects cost (that was half the time of the
request itself), and a client run reads a page after nearly every request.
"""

import functools
import re
from http.cookies import SimpleCookie
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.test import Client

from django_acceptance.drivers.base import BrowserOnly, Driver, DriverError, label_text, normalise

INVISIBLE = ("script", "style", "template", "noscript", "title", "head", "textarea")
NOT_SENT = {"submit", "button", "image", "reset", "file"}
OTHER_SITE = "http://other-site.example"
CROSS_SITE = "http://elsewhere.example"


class ClientDriver(Driver):
    name = "client"

    def __init__(self):
        self.client = Client(enforce_csrf_checks=True)
        self.response = None
        self.document = None
        self._path = None

    # Going places

    def visit(self, url):
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        self._load(self.client.get(path, follow=True))

    def click_link(self, text):
        links = [a for a in self._links() if _text(a) == text]
        if not links:
            shown = sorted({_text(a) for a in self._links()})
            raise DriverError(f"No link “{text}” on {self._path}; links here: {', '.join(shown)}")
        self.visit(urljoin(self._path, links[0].get("href")))

    # Forms

    def fill_in(self, label, value):
        field = self._field(label)
        if field.tag == "textarea":
            field[:] = []
            field.text = value
        elif field.tag == "input" and field.get("type", "text") not in ("radio", "checkbox"):
            # A browser stops taking keystrokes at the field's maxlength.
            limit = field.get("maxlength")
            field.set("value", value[: int(limit)] if limit else value)
        else:
            raise DriverError(f"The field “{label}” on {self._path} is not a text field.")

    def choose(self, label):
        radio = self._field(label)
        if radio.get("type") != "radio":
            raise DriverError(f"“{label}” on {self._path} is not a radio button.")
        form = _form_of(radio)
        for other in form.iter("input"):
            if other.get("type") == "radio" and other.get("name") == radio.get("name"):
                other.attrib.pop("checked", None)
        radio.set("checked", "")

    def press(self, button):
        found = self._buttons(button)
        if not found:
            raise DriverError(f"No button “{button}” on {self._path}.")
        form = _form_of(found[0])
        if form is None:
            raise DriverError(f"The button “{button}” on {self._path} is not inside a form.")
        data = self._form_data(form)
        if found[0].get("name"):
            data.setdefault(found[0].get("name"), []).append(found[0].get("value", ""))
        action = urljoin(self._path, form.get("action") or self._path)
        if form.get("method", "get").lower() == "post":
            self._load(self.client.post(action, data, follow=True))
        else:
            self._load(self.client.get(action, data, follow=True))

    def send_post(self, path, fields=None):
        token = self.client.cookies.get(settings.CSRF_COOKIE_NAME)
        data = {"csrfmiddlewaretoken": token.value} if token else {}
        self._load(self.client.post(path, {**data, **(fields or {})}, follow=True))

    def send_from_other_site(self, path, fields=None, cross_site=False):
        # What a browser sends for a form on another origin: the cookies, that origin, no token.
        if not cross_site:
            self._load(self.client.post(path, fields or {}, follow=True, headers={"origin": OTHER_SITE}))
            return
        # From another domain, as a browser decides from the flags: only cookies marked SameSite=None go along.
        kept = self.client.cookies
        self.client.cookies = SimpleCookie()
        for name, morsel in kept.items():
            if morsel["samesite"].lower() not in ("lax", "strict"):
                self.client.cookies[name] = morsel.value
        try:
            response = self.client.post(path, fields or {}, follow=True, headers={"origin": CROSS_SITE})
        finally:
            self.client.cookies = kept
        # What the answer set, the browser keeps.
        kept.update(response.cookies)
        self._load(response)

    def image_from_other_site(self, path):
        # An image's request: the cookies, no token, and nothing of its answer on show.
        self.client.get(path)

    def text_framed_by_other_site(self, path):
        # What a browser decides from the headers: a page that forbids framing shows nothing in the frame.
        response = self.client.get(path)
        policy = response.headers.get("Content-Security-Policy", "")
        if response.headers.get("X-Frame-Options", "").upper() in ("DENY", "SAMEORIGIN") or re.search(
            r"frame-ancestors\s+('none'|'self')", policy
        ):
            return ""
        self._load(response)
        return self.text

    # What a person sees

    @property
    def text(self):
        return normalise(" ".join(_shown_strings()(self._page)))

    @property
    def heading(self):
        h1 = self._page.find(".//h1")
        return _text(h1) if h1 is not None else ""

    @property
    def path(self):
        return self._path

    def headings(self, level):
        return [_text(h) for h in self._page.iter(f"h{level}")]

    def texts(self, selector):
        return [_text(element) for element in _css(selector)(self._page)]

    def has_button(self, text):
        return bool(self._buttons(text))

    def has_link(self, text):
        return any(_text(a) == text for a in self._links())

    def has_field(self, label):
        return any(label_text(_text(tag)) == label for tag in self._page.iter("label"))

    def field_type(self, label):
        field = self._field(label)
        return field.tag if field.tag != "input" else field.get("type", "text").lower()

    @property
    def cookies_for_scripts(self):
        # What a browser decides from the flags: a cookie marked HttpOnly is not in document.cookie.
        return [name for name, morsel in self.client.cookies.items() if morsel.value and not morsel["httponly"]]

    @property
    def host(self):
        return "testserver"

    # No keyboard and no accessibility tree without a browser

    @property
    def keyboard(self):
        raise BrowserOnly("The test client cannot press keys: tag the scenario @browser to run it in a browser.")

    @property
    def screen_reader(self):
        raise BrowserOnly(
            "The test client cannot tell what a screen reader announces: tag the scenario @browser to run it there."
        )

    # Shortcuts

    def sign_in_as(self, user):
        self.client.force_login(user)
        # force_login leaves out the cookie's flags: those the site's own sign-in would set.
        cookie = self.client.cookies[settings.SESSION_COOKIE_NAME]
        cookie["httponly"] = settings.SESSION_COOKIE_HTTPONLY
        cookie["samesite"] = settings.SESSION_COOKIE_SAMESITE or ""

    def sign_out(self):
        self.client.logout()

    @property
    def session_cookie(self):
        cookie = self.client.cookies.get(settings.SESSION_COOKIE_NAME)
        return cookie.value if cookie else ""

    @session_cookie.setter
    def session_cookie(self, value):
        self.client.cookies[settings.SESSION_COOKIE_NAME] = value

    def evidence(self):
        if self.response is None:
            return {}
        return {
            "page": (".html", self.response.content),
            "url": (".txt", f"{self._path}\nHTTP {self.response.status_code}\n"),
        }

    # Inside

    @property
    def _page(self):
        if self.document is None:
            raise DriverError("No page is open yet: visit one first.")
        return self.document

    def _load(self, response):
        self.response = response
        request = response.request
        query = request.get("QUERY_STRING")
        self._path = request["PATH_INFO"] + (f"?{query}" if query else "")
        self.document = _parse(response.content, response.charset)

    def _links(self):
        return [a for a in self._page.iter("a") if a.get("href") is not None]

    def _buttons(self, text):
        return [
            b
            for b in self._page.iter("button", "input")
            if (b.tag == "button" and b.get("type", "submit") == "submit" and _text(b) == text)
            or (b.tag == "input" and b.get("type") == "submit" and b.get("value") == text)
        ]

    def _field(self, label):
        for tag in self._page.iter("label"):
            if label_text(_text(tag)) != label:
                continue
            target = tag.get("for")
            field = next((e for e in self._page.iter() if target and e.get("id") == target), None)
            if field is None:
                raise DriverError(f"The label “{label}” on {self._path} is not tied to any field.")
            return field
        shown = [label_text(_text(tag)) for tag in self._page.iter("label")]
        raise DriverError(f"No field labelled “{label}” on {self._path}; labels here: {', '.join(shown)}")

    @staticmethod
    def _form_data(form):
        """What a browser would send for this form, as name -> values."""
        data = {}
        for field in form.iter("input", "textarea", "select"):
            name = field.get("name")
            if not name or "disabled" in field.attrib:
                continue
            if field.tag == "textarea":
                # Browsers drop the newline that starts a textarea's content.
                value = "".join(field.itertext()).removeprefix("\r").removeprefix("\n")
            elif field.tag == "select":
                options = list(field.iter("option"))
                chosen = next((o for o in options if "selected" in o.attrib), options[0] if options else None)
                value = chosen.get("value", "".join(chosen.itertext())) if chosen is not None else ""
            else:
                kind = field.get("type", "text").lower()
                if kind in NOT_SENT or (kind in ("radio", "checkbox") and "checked" not in field.attrib):
                    continue
                value = field.get("value", "on" if kind in ("radio", "checkbox") else "")
            data.setdefault(name, []).append(value)
        return data


def _text(element):
    """An element's text as a person reads it, whitespace collapsed."""
    return normalise("".join(element.itertext()))


def _form_of(element):
    return next(element.iterancestors("form"), None)


def _parse(content, charset):
    """The page's element tree; lxml is imported with the first page rather than at start-up."""
    from lxml import etree

    # An empty answer (a bare 403, say) is an empty page, not an error of the parser.
    return etree.fromstring(content if content.strip() else b"<html></html>", _html_parser(charset or "utf-8"))


@functools.cache
def _html_parser(charset):
    from lxml import etree

    return etree.HTMLParser(encoding=charset)


@functools.cache
def _css(selector):
    """A CSS selector compiled to XPath once (cssselect), as lxml runs it."""
    from lxml.cssselect import CSSSelector

    return CSSSelector(selector)


@functools.cache
def _shown_strings():
    """The text of the body that a page shows: not scripts, styles, a textarea's content or comments."""
    from lxml import etree

    hidden = " | ".join(f"ancestor::{tag}" for tag in INVISIBLE)
    return etree.XPath(f"//text()[not({hidden})]")
