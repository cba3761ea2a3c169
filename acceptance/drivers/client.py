"""The Django test client, driven like a browser without JavaScript.

It reads the real form from the page, fills fields by their labels, and posts
back what the form holds, CSRF token included, through a client that enforces
CSRF checks. So a template without its token, a renamed field or a missing
label fails here just as it would in a browser.
"""

import functools
import re
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.test import Client

from acceptance.drivers.base import BrowserOnly, Driver, DriverError, label_text, normalise

INVISIBLE = {"script", "style", "template", "noscript", "title", "head", "textarea"}
NOT_SENT = {"submit", "button", "image", "reset", "file"}
OTHER_SITE = "http://other-site.example"


class ClientDriver(Driver):
    name = "client"

    def __init__(self):
        self.client = Client(enforce_csrf_checks=True)
        self.response = None
        self.soup = None
        self._path = None

    # Going places

    def visit(self, url):
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        self._load(self.client.get(path, follow=True))

    def click_link(self, text):
        links = [a for a in self._page.find_all("a", href=True) if normalise(a.get_text()) == text]
        if not links:
            shown = sorted({normalise(a.get_text()) for a in self._page.find_all("a", href=True)})
            raise DriverError(f"No link “{text}” on {self._path}; links here: {', '.join(shown)}")
        self.visit(urljoin(self._path, links[0]["href"]))

    # Forms

    def fill_in(self, label, value):
        field = self._field(label)
        if field.name == "textarea":
            field.string = value
        elif field.name == "input" and field.get("type", "text") not in ("radio", "checkbox"):
            # A browser stops taking keystrokes at the field's maxlength.
            limit = field.get("maxlength")
            field["value"] = value[: int(limit)] if limit else value
        else:
            raise DriverError(f"The field “{label}” on {self._path} is not a text field.")

    def choose(self, label):
        radio = self._field(label)
        if radio.get("type") != "radio":
            raise DriverError(f"“{label}” on {self._path} is not a radio button.")
        form = radio.find_parent("form")
        for other in form.find_all("input", attrs={"type": "radio", "name": radio.get("name")}):
            other.attrs.pop("checked", None)
        radio["checked"] = ""

    def press(self, button):
        found = self._buttons(button)
        if not found:
            raise DriverError(f"No button “{button}” on {self._path}.")
        form = found[0].find_parent("form")
        if form is None:
            raise DriverError(f"The button “{button}” on {self._path} is not inside a form.")
        data = self._form_data(form)
        if found[0].get("name"):
            data.setdefault(found[0]["name"], []).append(found[0].get("value", ""))
        action = urljoin(self._path, form.get("action") or self._path)
        if form.get("method", "get").lower() == "post":
            self._load(self.client.post(action, data, follow=True))
        else:
            self._load(self.client.get(action, data, follow=True))

    def send_post(self, path, fields=None):
        token = self.client.cookies.get(settings.CSRF_COOKIE_NAME)
        data = {"csrfmiddlewaretoken": token.value} if token else {}
        self._load(self.client.post(path, {**data, **(fields or {})}, follow=True))

    def send_from_other_site(self, path, fields=None):
        # What a browser sends for a form on another origin: the cookies, that origin, no token.
        self._load(self.client.post(path, fields or {}, follow=True, headers={"origin": OTHER_SITE}))

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
        body = self._page.body or self._page
        return normalise(" ".join(s for s in body.find_all(string=True) if not _hidden(s)))

    @property
    def heading(self):
        h1 = self._page.find("h1")
        return normalise(h1.get_text()) if h1 else ""

    @property
    def path(self):
        return self._path

    def headings(self, level):
        return [normalise(h.get_text()) for h in self._page.find_all(f"h{level}")]

    def has_button(self, text):
        return bool(self._buttons(text))

    def has_link(self, text):
        return any(normalise(a.get_text()) == text for a in self._page.find_all("a", href=True))

    def has_field(self, label):
        return any(label_text(tag.get_text()) == label for tag in self._page.find_all("label"))

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
        if self.soup is None:
            raise DriverError("No page is open yet: visit one first.")
        return self.soup

    def _load(self, response):
        self.response = response
        request = response.request
        query = request.get("QUERY_STRING")
        self._path = request["PATH_INFO"] + (f"?{query}" if query else "")
        self.soup = _beautiful_soup()(response.content, "html.parser")

    def _buttons(self, text):
        return [
            b
            for b in self._page.find_all(["button", "input"])
            if (b.name == "button" and b.get("type", "submit") == "submit" and normalise(b.get_text()) == text)
            or (b.name == "input" and b.get("type") == "submit" and b.get("value") == text)
        ]

    def _field(self, label):
        for tag in self._page.find_all("label"):
            if label_text(tag.get_text()) != label:
                continue
            field = self._page.find(id=tag.get("for")) if tag.get("for") else None
            if field is None:
                raise DriverError(f"The label “{label}” on {self._path} is not tied to any field.")
            return field
        shown = [label_text(tag.get_text()) for tag in self._page.find_all("label")]
        raise DriverError(f"No field labelled “{label}” on {self._path}; labels here: {', '.join(shown)}")

    @staticmethod
    def _form_data(form):
        """What a browser would send for this form, as name -> values."""
        data = {}
        for field in form.find_all(["input", "textarea", "select"]):
            name = field.get("name")
            if not name or field.has_attr("disabled"):
                continue
            if field.name == "textarea":
                # Browsers drop the newline that starts a textarea's content.
                value = field.get_text().removeprefix("\r").removeprefix("\n")
            elif field.name == "select":
                chosen = field.find("option", selected=True) or field.find("option")
                value = chosen.get("value", chosen.get_text()) if chosen else ""
            else:
                kind = field.get("type", "text").lower()
                if kind in NOT_SENT or (kind in ("radio", "checkbox") and not field.has_attr("checked")):
                    continue
                value = field.get("value", "on" if kind in ("radio", "checkbox") else "")
            data.setdefault(name, []).append(value)
        return data


@functools.cache
def _beautiful_soup():
    """Beautiful Soup, imported when the first page arrives rather than at start-up.

    Without its optional CSS-selector engine, soupsieve, which this driver does not use
    (it finds with find_all) and whose import compiles regular expressions for about
    0.1-0.2 s: most of what Beautiful Soup costs a client run that opens a few pages.
    """
    import sys
    import warnings

    blocked = "soupsieve" not in sys.modules
    if blocked:
        sys.modules["soupsieve"] = None  # an import of it fails, as if it were not installed
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # bs4 warns that CSS selectors are unavailable: known
            from bs4 import BeautifulSoup
    finally:
        if blocked:
            del sys.modules["soupsieve"]
    return BeautifulSoup


@functools.cache
def _not_shown():
    from bs4 import Comment, Declaration, Doctype

    return (Comment, Declaration, Doctype)


def _hidden(string):
    return isinstance(string, _not_shown()) or any(parent.name in INVISIBLE for parent in string.parents)
