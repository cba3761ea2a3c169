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
from copy import deepcopy
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

from django.conf import settings
from django.test import Client

from django_acceptance.drivers.base import BrowserOnly, Driver, DriverError, NotSupportedByDriver
from django_acceptance.drivers.finding import failure
from django_acceptance.drivers.html import Page, css, kind_of, shown, shown_text, text

NOT_SENT = {"submit", "button", "image", "reset"}
OTHER_SITE = "http://other-site.example"
CROSS_SITE = "http://elsewhere.example"
SITE = "http://testserver"
# A browser tags the file it sends with its type; the client has no such guess to make.
FILE_ATTRIBUTE = "data-acceptance-file"


class ClientDriver(Driver):
    name = "client"

    def __init__(self):
        self.client = Client(enforce_csrf_checks=True)
        self.response = None
        self.document = None
        self._path = None
        self._found = None  # the Page of the document on show, with its indexes

    # Going places

    def visit(self, url):
        parts = urlsplit(url)
        self._get(parts.path + (f"?{parts.query}" if parts.query else ""))

    def click_link(self, text):
        link = self._find("link", text)
        href = link.get("href").strip()
        target = urljoin(SITE + self._path, href)
        script = href.lower().startswith("javascript:")
        # A link to a part of this page (#, #top) moves within it; one to the page itself loads it again.
        within_page = "#" in href and urlsplit(target)[:4] == urlsplit(SITE + self._path)[:4]
        if script or within_page:
            if within_page and not self._page_found.scripts:
                return
            raise NotSupportedByDriver(
                f"The link “{text}” on {self._path} leads nowhere but this page ({href}): what it does is the "
                "page's scripts' to do; tag the scenario @browser."
            )
        self._get(target.removeprefix(SITE), referer=True)

    # Forms

    def fill_in(self, field, value):
        element = self._usable(self._find("fillable", field), field)
        if element.get("readonly") is not None:
            raise DriverError(f"The field “{field}” on {self._path} is read-only: a person cannot type in it.")
        if element.tag == "textarea":
            element[:] = []
            element.text = value
        else:
            # A browser stops taking keystrokes at the field's maxlength.
            limit = element.get("maxlength")
            element.set("value", value[: int(limit)] if limit else value)

    def choose(self, field):
        radio = self._usable(self._find("radio", field), field)
        for other in self._controls(self._form_of(radio)):
            if kind_of(other) == "radio" and other.get("name") == radio.get("name"):
                other.attrib.pop("checked", None)
        radio.set("checked", "")

    def check(self, field):
        self._usable(self._find("checkbox", field), field).set("checked", "")

    def uncheck(self, field):
        self._usable(self._find("checkbox", field), field).attrib.pop("checked", None)

    def select(self, option, field):
        select = self._usable(self._find("select", field), field)
        chosen, error = self._page_found.find_option(select, option)
        if error:
            if not error["candidates"] and self._page_found.scripts:
                raise NotSupportedByDriver(
                    f"The select “{field}” on {self._path} has no option “{option}”, and the page runs scripts: "
                    "choosing an option JavaScript adds needs a browser: tag the scenario @browser."
                )
            raise failure(error, self.scopes)
        if select.get("multiple") is None:
            for other in select.iter("option"):
                other.attrib.pop("selected", None)
        chosen.set("selected", "")

    def attach_file(self, field, path):
        element = self._usable(self._find("file", field), field)
        if not Path(path).is_file():
            raise DriverError(f"No file at {path} to attach to “{field}”: name a file that exists.")
        element.set(FILE_ATTRIBUTE, str(path))

    def press(self, button):
        pressed = self._usable(self._find("button", button), button)
        kind = kind_of(pressed)
        form = self._form_of(pressed)
        if kind in ("button", "reset") or form is None:
            what = "sends no form" if form is None else f"is a {kind} button, which sends nothing"
            if self._page_found.scripts:
                raise NotSupportedByDriver(
                    f"The button “{button}” on {self._path} {what}: what it does is the page's scripts' to do; "
                    "tag the scenario @browser."
                )
            raise DriverError(f"The button “{button}” on {self._path} {what}, and the page has no scripts.")
        self._submit(form, pressed)

    def send_post(self, path, fields=None):
        token = self.client.cookies.get(settings.CSRF_COOKIE_NAME)
        data = {"csrfmiddlewaretoken": token.value} if token else {}
        # Sent by a script on the page, as a browser sends it: with where it came from and the origin.
        self._load(self.client.post(path, {**data, **(fields or {})}, follow=True, headers=self._headers("post")))

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

    # What a person sees, within the present scope

    @property
    def text(self):
        return shown_text(self._root())

    @property
    def heading(self):
        h1 = next((h for h in self._page.iter("h1") if shown(h)), None)
        return text(h1) if h1 is not None else ""

    @property
    def path(self):
        return self._path

    def headings(self, level):
        return [text(h) for h in self._root().iter(f"h{level}") if shown(h)]

    def texts(self, selector):
        return [shown_text(element) for element in css(selector)(self._root()) if shown(element)]

    def has_button(self, text):
        return self._exists("button", text)

    def has_link(self, text):
        return self._exists("link", text)

    def has_field(self, field):
        return self._exists("field", field)

    def field_type(self, field):
        element = self._find("field", field)
        return element.tag if element.tag != "input" else kind_of(element)

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

    @property
    def cookies(self):
        return deepcopy(self.client.cookies)

    @cookies.setter
    def cookies(self, kept):
        self.client.cookies = deepcopy(kept)

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

    @property
    def _page_found(self):
        if self._found is None:
            self._found = Page(self._page, self._path)
        return self._found

    def _load(self, response):
        self.response = response
        request = response.request
        query = request.get("QUERY_STRING")
        self._path = request["PATH_INFO"] + (f"?{query}" if query else "")
        self.document = _parse(response.content, response.charset)
        self._found = None
        # Django's client follows a redirect to another site into this one (it keeps only the
        # path); a browser leaves the site there. The person is then on a page of which nothing
        # is known, and where they are is the whole address, which no path of the site equals.
        away = next((url for url, _ in getattr(response, "redirect_chain", []) if _off_site(url)), None)
        if away is not None:
            self._path = away
            self.document = _parse(b"<html><body></body></html>", "utf-8")

    def _headers(self, method):
        """What a browser sends from the page on show: where the person came from, and for a POST the site's origin."""
        headers = {"referer": SITE + self._path} if self._path is not None else {}
        return {**headers, "origin": SITE} if method == "post" else headers

    def _get(self, path, referer=False):
        headers = self._headers("get") if referer else {}
        self._load(self.client.get(path, follow=True, headers=headers))

    def _root(self):
        root, error = self._page_found.scoped(self.scopes)
        if error:
            raise failure(error)
        return root

    def _find(self, kind, locator):
        element, error = self._page_found.find(kind, locator, self.scopes)
        if error:
            raise failure(error, self.scopes)
        return element

    def _exists(self, kind, locator):
        element, error = self._page_found.find(kind, locator, self.scopes)
        return element is not None or len(error["candidates"]) > 1

    def _usable(self, element, locator):
        if element.get("disabled") is not None or self._in_disabled_fieldset(element):
            raise DriverError(f"“{locator}” on {self._path} is disabled: a person cannot use it.")
        return element

    @staticmethod
    def _in_disabled_fieldset(element):
        for fieldset in element.iterancestors("fieldset"):
            if fieldset.get("disabled") is not None:
                legend = next(fieldset.iterchildren("legend"), None)
                if legend is None or element not in legend.iterdescendants():
                    return True
        return False

    def _form_of(self, element):
        """The form an element belongs to: the one its `form` attribute names, or the one around it."""
        owner = element.get("form")
        if owner is not None:
            form = self._page_found.ids.get(owner)
            return form if form is not None and form.tag == "form" else None
        return next(element.iterancestors("form"), None)

    def _controls(self, form):
        """The form's controls in the page's order, those outside it that name it included."""
        return [e for e in self._page.iter("input", "textarea", "select", "button") if self._form_of(e) is form]

    def _submit(self, form, pressed):
        """Send the form as a browser does when this button is pressed."""
        method = (pressed.get("formmethod") or form.get("method") or "get").lower()
        action = pressed.get("formaction") if pressed.get("formaction") is not None else form.get("action")
        action = urljoin(SITE + self._path, action or self._path).removeprefix(SITE)
        multipart = (pressed.get("formenctype") or form.get("enctype") or "").lower() == "multipart/form-data"
        data = self._form_data(form, multipart and method == "post")
        name = pressed.get("name")
        if kind_of(pressed) == "image":
            # The point of the image clicked: its corner, as a click the client cannot aim.
            prefix = f"{name}." if name else ""
            data += [(f"{prefix}x", "0"), (f"{prefix}y", "0")]
        elif name:
            data.append((name, pressed.get("value", "")))
        headers = self._headers(method)
        if method != "post":
            self._load(self.client.get(action.split("?")[0], _grouped(data), follow=True, headers=headers))
        elif multipart:
            self._load(self.client.post(action, _grouped(data), follow=True, headers=headers))
        else:
            body = urlencode(data)
            kind = "application/x-www-form-urlencoded"
            self._load(self.client.post(action, body, content_type=kind, follow=True, headers=headers))

    def _form_data(self, form, multipart):
        """What a browser sends for this form: (name, value) pairs, in the page's order."""
        data = []
        for field in self._controls(form):
            name = field.get("name")
            if not name or field.tag == "button" or field.get("disabled") is not None:
                continue
            if self._in_disabled_fieldset(field):
                continue
            if field.tag == "textarea":
                # Browsers drop the newline that starts a textarea's content.
                data.append((name, "".join(field.itertext()).removeprefix("\r").removeprefix("\n")))
            elif field.tag == "select":
                options = [o for o in field.iter("option") if o.getparent() is not None]
                chosen = [o for o in options if o.get("selected") is not None]
                if not chosen and field.get("multiple") is None:
                    # With nothing selected, a browser shows (and sends) the first option it may.
                    chosen = [o for o in options if o.get("disabled") is None][:1]
                data += [(name, o.get("value", text(o))) for o in chosen]
            else:
                kind = kind_of(field)
                if kind in NOT_SENT or (kind in ("radio", "checkbox") and field.get("checked") is None):
                    continue
                if kind == "file":
                    path = field.get(FILE_ATTRIBUTE)
                    if multipart and path:
                        data.append((name, open(path, "rb")))  # noqa: SIM115 (Django's client reads and closes it)
                    elif path:
                        data.append((name, Path(path).name))
                    continue
                data.append((name, field.get("value", "on" if kind in ("radio", "checkbox") else "")))
        return data


def _grouped(pairs):
    """(name, value) pairs as the dict of lists Django's test client sends."""
    grouped = {}
    for name, value in pairs:
        grouped.setdefault(name, []).append(value)
    return grouped


def _parse(content, charset):
    """The page's element tree; lxml is imported with the first page rather than at start-up."""
    from lxml import etree

    # An empty answer (a bare 403, say) is an empty page, not an error of the parser.
    return etree.fromstring(content if content.strip() else b"<html></html>", _html_parser(charset or "utf-8"))


@functools.cache
def _html_parser(charset):
    from lxml import etree

    return etree.HTMLParser(encoding=charset)


def _off_site(url):
    """Whether a redirect's address names a host other than the site's ("testserver" to Django's test client)."""
    host = urlsplit(url).netloc
    return bool(host) and host != urlsplit(SITE).netloc
