"""Selenium, in a real browser against the run's live server.

Every action that navigates waits for the new page (the old one gone stale,
the new one loaded), so what a step reads afterwards is the page the action
led to, never the one before it.
"""

import functools
from urllib.parse import urlsplit

from django.conf import settings
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from features.support.drivers.assistive import Keyboard, ScreenReader
from features.support.drivers.base import Driver, DriverError, normalise
from features.support.other_site import other_site

POLL_SECONDS = 0.02
LOOPBACK = ("127.0.0.1", "localhost", "::1")

# Finding by what a person reads takes one round trip to the browser, not one per element.
FIND_FIELD = """
const wanted = arguments[0];
const clean = (t) => t.replace(/\\s+/g, ' ').trim().replace(/:$/, '').trim();
const labels = [...document.querySelectorAll('label')];
const label = labels.find((l) => clean(l.textContent) === wanted);
if (!label) return {labels: labels.map((l) => clean(l.textContent))};
const field = label.htmlFor ? document.getElementById(label.htmlFor) : null;
return {field: field, empty: !field || !field.value};
"""
FIND_BUTTON = """
const wanted = arguments[0];
return [...document.querySelectorAll('button, input[type=submit]')].find((b) =>
  (b.tagName === 'BUTTON' ? b.textContent : b.value).replace(/\\s+/g, ' ').trim() === wanted) || null;
"""
# Marks the page in front before wd.get(), so that the wait after it can tell the new page from the old.
LEAVING = "window.newsroomLeft = true;"
ARRIVED = "return window.newsroomLeft !== true && document.readyState === 'complete';"
HEADINGS = "return [...document.querySelectorAll('h' + arguments[0])].map((h) => h.innerText);"
HEADING = "const h1 = document.querySelector('h1'); return h1 ? h1.innerText : '';"
SEND_POST = """
const token = (document.cookie.match(/(?:^|; )csrftoken=([^;]*)/) || [])[1] || '';
const form = document.createElement('form');
form.method = 'post';
form.action = arguments[0];
for (const [name, value] of Object.entries({csrfmiddlewaretoken: token, ...arguments[1]})) {
  const input = document.createElement('input');
  Object.assign(input, {type: 'hidden', name: name, value: value});
  form.appendChild(input);
}
document.body.appendChild(form);
form.submit();
"""


def _one_line_errors(cls):
    """Turn WebDriver's multi-line failures into one line that says whether the browser died."""

    def guard(function):
        @functools.wraps(function)
        def guarded(self, *args, **kwargs):
            try:
                return function(self, *args, **kwargs)
            except WebDriverException as error:
                raise DriverError(self.session.explain(error)) from error

        return guarded

    for name, member in list(vars(cls).items()):
        if name.startswith("_"):
            continue
        if isinstance(member, property):
            setattr(cls, name, property(guard(member.fget), member.fset and guard(member.fset)))
        elif callable(member):
            setattr(cls, name, guard(member))
    return cls


@_one_line_errors
class BrowserDriver(Driver):
    name = "browser"
    # With -D accessibility=check: axe-core checks every page this driver reaches (support/accessibility.py).
    accessibility = None

    def __init__(self, session, base_url, timeout):
        self.session = session
        self.wd = session.webdriver
        self.base_url = base_url
        self.timeout = timeout

    # Going places

    def visit(self, url):
        self._get(url if urlsplit(url).scheme else self.base_url + url, f"the page at {url}")
        if self.accessibility:
            self.accessibility.check(self)

    def click_link(self, text):
        links = self.wd.find_elements(By.LINK_TEXT, text)
        if not links:
            raise DriverError(f"No link “{text}” on {self.path}.")
        self._navigate(links[0].click, f"the page after clicking “{text}”")

    # Forms

    def fill_in(self, label, value):
        found = self._find_field(label)
        if not found["empty"]:
            found["field"].clear()
        found["field"].send_keys(value)

    def choose(self, label):
        radio = self._field(label)
        if radio.get_attribute("type") != "radio":
            raise DriverError(f"“{label}” on {self.path} is not a radio button.")
        radio.click()

    def press(self, button):
        found = self.wd.execute_script(FIND_BUTTON, button)
        if found is None:
            raise DriverError(f"No button “{button}” on {self.path}.")
        self._navigate(found.click, f"the page after pressing “{button}”")

    def send_post(self, path, fields=None):
        self._navigate(lambda: self.wd.execute_script(SEND_POST, path, fields or {}), f"the answer to POST {path}")

    def send_from_other_site(self, path, fields=None):
        page = self._other_site().page_sending(self.base_url + path, fields or {})
        # The page sends its form as it loads; wait until the newsroom's answer has loaded.
        self._get(page, "the page on another site")
        try:
            self._waiter().until(lambda wd: wd.current_url.startswith(self.base_url))
        except TimeoutException:
            raise DriverError(f"Waited {self.timeout:g} s for the page on another site to send its form.") from None
        self._wait_until_loaded(f"the answer to the other site's POST {path}")

    def text_framed_by_other_site(self, path):
        self._get(self._other_site().page_framing(self.base_url + path), "the page on another site")
        # The frame's load event fires whether the browser showed the newsroom in it or refused to.
        try:
            self._waiter().until(lambda wd: wd.execute_script("return window.framed === true"))
        except TimeoutException:
            raise DriverError(f"Waited {self.timeout:g} s for the page on another site to load its frame.") from None
        self.wd.switch_to.frame(0)
        try:
            return normalise(self.wd.execute_script("return document.body ? document.body.innerText : ''"))
        finally:
            self.wd.switch_to.default_content()

    # What a person sees

    @property
    def text(self):
        # innerText is the text as rendered (hidden elements left out), in one round trip.
        return normalise(self.wd.execute_script("return document.body.innerText"))

    @property
    def heading(self):
        return normalise(self.wd.execute_script(HEADING))

    @property
    def path(self):
        parts = urlsplit(self.wd.current_url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def headings(self, level):
        return [normalise(text) for text in self.wd.execute_script(HEADINGS, level)]

    def has_button(self, text):
        return self.wd.execute_script(FIND_BUTTON, text) is not None

    def has_link(self, text):
        return bool(self.wd.find_elements(By.LINK_TEXT, text))

    def has_field(self, label):
        return "field" in self.wd.execute_script(FIND_FIELD, label)

    @property
    def host(self):
        return urlsplit(self.base_url).netloc

    def has_text(self, text):
        # A retrying matcher: text may still be arriving (a script, a slow render).
        try:
            self._waiter().until(lambda wd: normalise(text) in self.text)
        except TimeoutException:
            return False
        return True

    @property
    def keyboard(self):
        return Keyboard(self)

    @property
    def screen_reader(self):
        return ScreenReader(self)

    # Shortcuts

    def sign_in_as(self, user):
        self.session.sign_in(user, self.base_url)

    def sign_out(self):
        self.session.clear_cookies()

    @property
    def session_cookie(self):
        cookie = self.wd.get_cookie(settings.SESSION_COOKIE_NAME)
        return cookie["value"] if cookie else ""

    @session_cookie.setter
    def session_cookie(self, value):
        self.wd.delete_cookie(settings.SESSION_COOKIE_NAME)
        self.wd.add_cookie({"name": settings.SESSION_COOKIE_NAME, "value": value, "path": "/"})

    def evidence(self):
        found = {}
        for name, suffix, read in (
            ("screenshot", ".png", self.wd.get_screenshot_as_png),
            ("page", ".html", lambda: self.wd.page_source),
            ("url", ".txt", lambda: self.wd.current_url + "\n"),
            ("console", ".log", self.session.console_log),
        ):
            try:
                found[name] = (suffix, read())
            except WebDriverException as error:
                found[name] = (".txt", f"Could not read the {name}: {error.msg}\n")
        return found

    def describe(self):
        return f"browser ({self.session.describe()})"

    # Inside

    def _other_site(self):
        site = urlsplit(self.base_url)
        return other_site(site.hostname if site.hostname in LOOPBACK else "0.0.0.0", site.hostname)

    def _waiter(self):
        # Selenium polls every 0.5 s by default, which would add up to half a second to every page.
        return WebDriverWait(self.wd, self.timeout, poll_frequency=POLL_SECONDS)

    def _field(self, label):
        return self._find_field(label)["field"]

    def _find_field(self, label):
        found = self.wd.execute_script(FIND_FIELD, label)
        if "labels" in found:
            raise DriverError(f"No field labelled “{label}” on {self.path}; labels here: {', '.join(found['labels'])}")
        if found["field"] is None:
            raise DriverError(f"The label “{label}” on {self.path} is not tied to any field.")
        return found

    def _get(self, url, awaited):
        """wd.get(), then wait until the page in front is the one it asked for, loaded.

        get() should return once the new page has loaded, but with the machine under
        load chromedriver has returned before the new page's response had even arrived
        (measured: 20 ms before), and the next step read the page before it: no such
        link, no such field, another heading. The old page is marked first, so the new
        one is known by not carrying the mark.
        """
        self.wd.execute_script(LEAVING)
        self.wd.get(url)
        try:
            self._waiter().until(lambda wd: wd.execute_script(ARRIVED))
        except TimeoutException:
            raise DriverError(f"Waited {self.timeout:g} s for {awaited}, but it did not load.") from None

    def _navigate(self, action, awaited):
        page = self.wd.find_element(By.TAG_NAME, "html")
        action()
        try:
            self._waiter().until(_replaced(page))
        except TimeoutException:
            raise DriverError(f"Waited {self.timeout:g} s for {awaited}, but the page did not change.") from None
        self._wait_until_loaded(awaited)
        if self.accessibility:
            self.accessibility.check(self)

    def _wait_until_loaded(self, awaited):
        try:
            self._waiter().until(lambda wd: wd.execute_script("return document.readyState") == "complete")
        except TimeoutException:
            raise DriverError(f"Waited {self.timeout:g} s for {awaited}, but it did not finish loading.") from None


def _replaced(page):
    """The page has gone: Selenium says its element is stale, or chromedriver that it left the document."""

    def condition(_):
        try:
            page.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in (error.msg or ""):
                return True
            raise
        return False

    return condition
