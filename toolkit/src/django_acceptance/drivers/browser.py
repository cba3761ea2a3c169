"""Selenium, in a real browser against the run's live server.

Every round trip to the browser costs (8-400 ms each, depending on the machine), so
this driver counts them. Finding, checking and marking happen in one script; a form's
clicks and key presses go to the browser as one Perform Actions command; and an
action that navigates does not wait on its own: it marks the page it leaves, and
whatever reads the page next does so through a script that first checks that the
marked page has gone and the new one has loaded (and is polled until it has). So
what a step reads is always the page the action led to, never the one before it.
A click that stays on the page (a dialog's opener, a form a script sends) marks
nothing, and the page's own listeners correct a mark the site's scripts made wrong.
"""

import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.test import Client
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from urllib3.exceptions import HTTPError as DriverUnreachable

from django_acceptance.browser.other_site import other_site
from django_acceptance.drivers.assistive import Keyboard, ScreenReader
from django_acceptance.drivers.base import Driver, DriverError, normalise
from django_acceptance.drivers.finding import failure
from django_acceptance.drivers.one_line import one_line_errors
from django_acceptance.drivers.scripts import gated, plain
from django_acceptance.server.live_server import START_PATH

POLL_SECONDS = 0.02
# What browsers say when the page a script ran in is replaced under it.
# WebKit's answer to a command whose page unloads before the command's own reply.
UNLOADED_FIRST = "Callback was not called before the unload event"
LEFT_WHILE_RUNNING = ("unloaded", "context was destroyed", "Cannot find context", "navigat", UNLOADED_FIRST)
LOOPBACK = ("127.0.0.1", "localhost", "::1")


@one_line_errors
class BrowserDriver(Driver):
    name = "browser"
    # With -D accessibility=check: axe-core checks every page this driver reaches (browser/accessibility.py).
    accessibility = None
    # True when the live server answers START_PATH (the run's shared one does): then forgetting
    # everyone and signing in ride on the scenario's next visit instead of costing round trips.
    starts_through_server = False

    def __init__(self, session, base_url, timeout, traffic=None):
        self.session = session
        # The live server's Traffic, where it has one: every action returns once the site has answered.
        self.traffic = traffic
        self.base_url = base_url
        self._origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
        self.timeout = timeout
        self._page = None  # (scopes, what js/page.js read, {selector: texts}), until the next action
        self._arrive = None  # an address the browser is on its way to (a page of another site sends a form)
        self._awaited = "the page"
        self._form = []  # (scopes, kind, field, value) to act on with the next press
        self._pending = False  # an action may have led to a page that no read has waited for yet
        self._sign_in_key = None  # a session to give the browser on its next visit
        self._visited = False  # a visit was made that no read has waited for yet

    @property
    def wd(self):
        """The session's WebDriver: a new one after a browser that died was replaced."""
        return self.session.webdriver

    # Going places

    def visit(self, url):
        url = url if urlsplit(url).scheme else self.base_url + url
        self._before_leaving()
        self._act()
        self._arrive = None
        self._pending = False
        # get() returns once the page has loaded (the default page-load strategy), or
        # raises after the page-load timeout.
        self._expect(f"the page {url}")
        self.wd.get(self._by_way_of_start(url))
        self._visited = True
        self._answered(f"the page {url}")
        self._checked()

    def click_link(self, text):
        self._send_form(("link", text), f"the page after clicking “{text}”")

    # Forms: acted on with the press that sends them, in one script and one set of actions

    def fill_in(self, field, value):
        self._form.append((self.scopes, "fillable", field, value))

    def choose(self, field):
        self._form.append((self.scopes, "radio", field, None))

    def check(self, field):
        self._form.append((self.scopes, "check", field, None))

    def uncheck(self, field):
        self._form.append((self.scopes, "uncheck", field, None))

    def select(self, option, field):
        self._form.append((self.scopes, "select", field, option))

    def attach_file(self, field, path):
        if not Path(path).is_file():
            raise DriverError(f"No file at {path} to attach to “{field}”: name a file that exists.")
        self._form.append((self.scopes, "file", field, str(Path(path).resolve())))

    def press(self, button):
        self._send_form(("button", button), f"the page after pressing “{button}”")

    def send_post(self, path, fields=None):
        self.settle()
        self._start_here()
        # Sent by a script on the page, once the page is loaded: one round trip.
        self._expect(f"POST {path}")
        self.read("send_post", path, fields or {})
        self._act(f"the answer to POST {path}")
        self._answered(f"POST {path}")
        self._checked()

    def send_from_other_site(self, path, fields=None, cross_site=False):
        page = self._other_site(cross_site).page_sending(self.base_url + path, fields or {})
        self._before_leaving()
        self._act(f"the answer to the other site's POST {path}")
        # The page sends its form as it loads: the next read waits until the site's answer is on show.
        self._expect(f"the other site's POST {path}")
        self.wd.get(self._by_way_of_start(page))
        self._arrive = self.base_url
        self._answered(f"the other site's POST {path}")
        self._checked()

    def image_from_other_site(self, path):
        self._before_leaving()
        self._act()
        self._arrive = None
        self.wd.get(self._by_way_of_start(self._other_site().page_showing_image(self.base_url + path)))
        # The image's load or error event: the site has answered its request either way.
        try:
            self._waiter().until(lambda wd: wd.execute_script(plain("image_shown")))
        except TimeoutException:
            raise DriverError(f"Waited {self.timeout:g} s for the page on another site to load its image.") from None

    def text_framed_by_other_site(self, path):
        self.settle()
        self._act()
        self._arrive = None
        self.wd.get(self._by_way_of_start(self._other_site().page_framing(self.base_url + path)))
        # The frame's load event fires whether the browser showed the site in it or refused to.
        try:
            self._waiter().until(lambda wd: wd.execute_script(plain("framed")))
        except TimeoutException:
            raise DriverError(f"Waited {self.timeout:g} s for the page on another site to load its frame.") from None
        self._answered(f"the page {path} in the frame")
        self.wd.switch_to.frame(0)
        try:
            return normalise(self.wd.execute_script(plain("body_text")))
        finally:
            self.wd.switch_to.default_content()

    # What a person sees: one read of the page serves every question until the next action

    @property
    def text(self):
        # innerText is the text as rendered (hidden elements left out).
        return normalise(self._seen()["text"])

    @property
    def heading(self):
        return normalise(self._seen()["heading"])

    @property
    def path(self):
        seen = self._seen()
        if seen["origin"] != self._origin:
            # Off the site (a redirect led away; an engine's error page has an origin of its own):
            # the whole address, as WebDriver has it, which no path of the site equals.
            return self.wd.current_url
        return seen["path"]

    def headings(self, level):
        return [normalise(text) for text in self._found("headings", level, list(self.scopes))["value"]]

    def texts(self, selector):
        if self._form:
            self._send_form()
        if self._page is None or self._page[0] != self.scopes:
            # Nothing read of this page yet: what page.js reads comes along, for the checks of where the
            # person is (path, heading) that a Then makes before reading a list.
            answer = self._found("texts", selector, list(self.scopes), True)
            self._page = (self.scopes, answer["page"], {})
        elif selector not in self._page[2]:
            answer = self._found("texts", selector, list(self.scopes), False)
        else:
            answer = {"value": self._page[2][selector]}
        self._page[2][selector] = answer["value"]
        return [normalise(text) for text in answer["value"]]

    def has_button(self, text):
        return _named(self._seen()["buttons"], text)

    def has_link(self, text):
        return _named(self._seen()["links"], text)

    def has_field(self, field):
        return _named(self._seen()["fields"], field)

    def field_type(self, field):
        return self._found("field_type", field, list(self.scopes))["type"]

    @property
    def cookies_for_scripts(self):
        return self.read("script_cookies")

    @property
    def host(self):
        return urlsplit(self.base_url).netloc

    def has_text(self, text):
        # A retrying matcher: text may still be arriving (a script, a slow render).
        if normalise(text) in self.text:
            return True
        try:
            self._waiter().until(lambda wd: normalise(text) in normalise(self._seen(again=True)["text"]))
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
        """Sign in through a session cookie: the sign-in form is tested once, in its own feature.

        Like a new browser, the person starts with no other cookies. The cookie goes to
        the browser with the next visit (see live_server.py), or at once where the live
        server cannot hand it over.
        """
        client = Client()
        client.force_login(user)
        self._sign_in_key = client.cookies[settings.SESSION_COOKIE_NAME].value
        self.session.clear_cookies(scenario_over=False)

    def sign_out(self):
        self._sign_in_key = None
        self.session.clear_cookies(scenario_over=False)

    @property
    def session_cookie(self):
        self.wait_for_page()
        if not self.wd.current_url.startswith(self.base_url):
            # WebDriver reads the cookies of the page on show: a page of the site must be open.
            self.visit(self.base_url + "/")
            self.wait_for_page()
        self._start_here()
        cookie = self.wd.get_cookie(settings.SESSION_COOKIE_NAME)
        return cookie["value"] if cookie else ""

    @session_cookie.setter
    def session_cookie(self, value):
        self.wait_for_page()
        self._start_here()
        # Added over the one there, not after deleting it: WebKit answers a delete before its
        # cookie store has done it, and may then delete the cookie added next.
        self.wd.add_cookie({"name": settings.SESSION_COOKIE_NAME, "value": value, "path": "/"})

    @property
    def cookies(self):
        # The page the last action led to, shown: the cookies its answer set are the browser's only
        # then (and Firefox answers none for a document still on its way).
        self.settle()
        self.wait_for_page()
        return self.wd.get_cookies()

    @cookies.setter
    def cookies(self, kept):
        # As above: a cookie its answer sets after these would replace one put back (and Firefox
        # refuses a cookie for a document still on its way).
        self.settle()
        self.wait_for_page()
        self.wd.delete_all_cookies()
        for cookie in kept:
            # The page's own host: a cookie named for "localhost" is refused by some browsers.
            cookie = {key: value for key, value in cookie.items() if key != "domain"}
            if cookie.get("sameSite") == "None" and not cookie.get("secure"):
                # Firefox reports a cookie set without SameSite as "None", then refuses it back
                # without Secure: left out, the browser gives it its default again.
                del cookie["sameSite"]
            self.wd.add_cookie(cookie)

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
            except DriverUnreachable as error:
                found[name] = (".txt", f"Could not read the {name}: the browser's driver is gone ({error}).\n")
        return found

    def screenshot(self):
        return self.wd.get_screenshot_as_png()

    def describe(self):
        return f"browser ({self.session.describe()})"

    # Inside

    def _other_site(self, cross_site=False):
        site = urlsplit(self.base_url)
        host = site.hostname if site.hostname in LOOPBACK else "0.0.0.0"
        if not cross_site:
            return other_site(host, site.hostname)
        # Another domain for cookies: the other of the loopback's two names, which a browser keeps apart.
        if site.hostname not in ("127.0.0.1", "localhost"):
            raise DriverError(
                f"A page on another domain needs a live server on 127.0.0.1 or localhost, not {site.hostname}."
            )
        return other_site(host, "localhost" if site.hostname == "127.0.0.1" else "127.0.0.1")

    def _waiter(self):
        # Selenium polls every 0.5 s by default, which would add up to half a second to every page.
        return WebDriverWait(self.wd, self.timeout, poll_frequency=POLL_SECONDS)

    def _act(self, awaited="the page"):
        """Before an action: what was read of the page no longer holds; a form left unsent is an error."""
        if self._form:
            labels = ", ".join(f"“{locator}”" for _, _, locator, _ in self._form)
            self._form = []
            raise DriverError(f"{labels} filled in but never sent: press the form's button.")
        self._page = None
        self._awaited = awaited
        self._pending = True

    def read(self, name, *args):
        """Run js/<name>.js on the page once it is the page the last action led to, and loaded; its result."""
        script = gated(name)
        answer = self._gated(script, args)
        if answer.get("pending"):
            try:
                answer = self._waiter().until(
                    lambda wd: (lambda a: a if not a.get("pending") else False)(self._gated(script, args))
                )
            except TimeoutException:
                answer = self._gated(script, args)
                if answer.get("pending") == "change":
                    raise DriverError(
                        f"Waited {self.timeout:g} s for {self._awaited}, but the page did not change."
                    ) from None
                if answer.get("pending"):
                    raise DriverError(
                        f"Waited {self.timeout:g} s for {self._awaited}, but it did not finish loading."
                    ) from None
        self._arrive = None
        self._pending = False
        self._visited = False
        return answer["value"]

    def settle(self):
        """Wait until the site has answered the last action (and every redirect after it).

        With the run's live server that is known on the server's side, for no command to the
        browser; without it, the browser is asked until it shows the page the action led to.
        """
        if self.traffic is not None:
            self._answered(self._awaited)
        else:
            self.wait_for_page()

    def wait_for_page(self):
        """Wait for the browser to show the page the last action led to, where no read of it is about to."""
        if self._pending or self._arrive or self._visited:
            self.read("settled")

    def _gated(self, script, args):
        try:
            answer = self.wd.execute_script(script, self._arrive, self._visited, *args)
        except WebDriverException as error:
            # The page went away while the script ran (a navigation under way): ask again.
            if any(sign in (error.msg or "") for sign in LEFT_WHILE_RUNNING):
                return {"pending": "load"}
            raise
        # Firefox answers null for a script whose page was replaced while it ran.
        return {"pending": "load"} if answer is None else answer

    def forget_page(self):
        """What was read of the page may no longer hold (keys were pressed on it)."""
        self._page = None

    def _seen(self, again=False):
        """What page.js read of the page (within the present scopes), read again only after an action.

        A list texts() read is kept with it, and goes with it: read again, the page may show another.
        """
        if self._form:
            self._send_form()  # Boxes ticked, options chosen with no press after: done before reading.
        if self._page is None or again or self._page[0] != self.scopes:
            self._page = (self.scopes, self._found("page", list(self.scopes)), {})
        return self._page[1]

    def _found(self, name, *args):
        """A read whose script finds something: its error (nothing found, several) raised as the named error."""
        if self._form:
            self._send_form()
        answer = self.read(name, *args)
        if "error" in answer:
            raise failure(answer["error"], self.scopes)
        return answer

    def _send_form(self, target=None, awaited="the page"):
        """Act on the fields named since the last press, then click `target` (a link or button), if any.

        One script finds every element (and chooses options), one Perform Actions command
        clicks and types. A click the script judges to leave the page (a link elsewhere, a
        button that sends its form) waits, as a visit does, for the site to answer; any other
        (a dialog's opener, a link a script handles) waits only for what the site is answering.
        """
        form, self._form = self._form, []
        kind, words = target if target else (None, None)
        entries = [[list(scopes), kind_, locator, value] for scopes, kind_, locator, value in form]
        found = self._find_form(entries, [list(self.scopes), kind, words] if target else None)
        for (_, kind_, _, value), field in zip(form, found["fields"], strict=True):
            if kind_ == "file":
                # One command each: a file input takes a path only through Element Send Keys.
                field["element"].send_keys(value)
        # A person clicks each field and types, clicks the boxes, then the button.
        # The pointer jumps: Selenium's default glides it for 250 ms to each element, which
        # made a form of three fields cost a second and tells no scenario anything.
        moves = [
            (field["element"], _typed(value) if kind_ == "fillable" else None)
            for (_, kind_, _, value), field in zip(form, found["fields"], strict=True)
            if field["click"]
        ]
        moves += [(found["target"], None)] if target else []
        if not found["fits"]:
            # More than the window holds: each element scrolled to by a script before its click,
            # since WebKit's wheel actions do not scroll (a command more each, on such forms alone).
            for element, keys in moves[:-1]:
                self.wd.execute_script(plain("scroll_to"), element)
                ActionChains(self.wd, duration=0).click(element).send_keys(keys or "").perform()
            if moves:
                self.wd.execute_script(plain("scroll_to"), moves[-1][0])
            moves = moves[-1:]
        actions = ActionChains(self.wd, duration=0)
        for element, keys in moves:
            actions.scroll_to_element(element).click(element)
            if keys:
                actions.send_keys(keys)
        if not target:
            if moves:
                _acted(actions.perform)
            self.forget_page()
            return
        self._start_here()
        if found["navigates"]:
            self._act(awaited)
            self._expect(awaited)
            _acted(actions.perform)
            self._answered(awaited)
        else:
            self._act(awaited)
            _acted(actions.perform)
            # Nothing is owed: only what the click set the site answering is waited for.
            self._answered(awaited)
        self._checked()

    def _find_form(self, entries, target):
        """find_form.js's answer; a missing element is looked for again until the timeout (a script may draw it)."""
        deadline = time.monotonic() + self.timeout
        while True:
            found = self.read("find_form", entries, target)
            error = found.get("error")
            if not error or error["candidates"] or time.monotonic() > deadline:
                break
            time.sleep(POLL_SECONDS * 5)  # Not a wait for the site: the page's own scripts may still draw it.
        if error:
            raise failure(error, self.scopes)
        if "disabled" in found:
            raise DriverError(f"“{found['disabled']}” on {found['path']} is disabled: a person cannot use it.")
        if "readonly" in found:
            raise DriverError(
                f"The field “{found['readonly']}” on {found['path']} is read-only: a person cannot type in it."
            )
        return found

    def navigate(self, action, awaited):
        """An action that leaves the page (the keyboard's Enter): mark the page, act; the next read waits."""
        self.read("mark_leaving")
        self._start_here()
        self._act(awaited)
        self._expect(awaited)
        _acted(action)
        self._answered(awaited)
        self._checked()

    def _before_leaving(self):
        """Before the browser is sent elsewhere: the site has answered the last action (a form it
        sent must arrive), and in Firefox the page that action led to has loaded.

        Firefox can drop a navigation sent while that page is still loading: the browser stays
        where the action led, and the site never receives the request.
        """
        self.settle()
        if self._pending and self.session.options.browser == "firefox":
            self.wait_for_page()

    def _expect(self, awaited):
        """Tell the live server that the next action sends the browser to it."""
        if self.traffic is not None:
            self.traffic.expect(awaited)

    def _answered(self, awaited):
        """Return once the live server has answered what the action sent, and every redirect after it.

        The browser may say an action is done before its request has even reached the site;
        waiting here, on the server's side, costs no round trip to the browser.
        """
        if self.traffic is None:
            return
        if not self.traffic.idle(self.timeout):
            raise DriverError(
                f"Waited {self.timeout:g} s for the site to answer {awaited}, but {self.traffic.unanswered()}."
            )

    def _checked(self):
        if self.accessibility:
            self.wait_for_page()
            self.accessibility.check(self)

    # The start of a scenario, and signing in or out, ride on the next visit

    def _by_way_of_start(self, url):
        """`url`, or the live server's start address that forgets everyone, signs in and sends the browser on."""
        if not self.session.forgetting:
            return url
        if not self.starts_through_server:
            self._start_here()
            return url
        self.session.forgetting = False
        query = {"next": url, **({"session": self._sign_in_key} if self._sign_in_key else {})}
        return f"{self.base_url}{START_PATH}?{urlencode(query)}"

    def _start_here(self):
        """Forget everyone and sign in now, where the next step is not a visit (or the server cannot help)."""
        if not self.session.forgetting:
            return
        self.session.clear_cookies_now()
        if self._sign_in_key:
            self.session.set_session_cookie(self._sign_in_key, self.base_url)


def _named(names, words):
    """Whether page.js's names (per element: [whole, in part]) name words: whole first, else in part."""
    return any(words in whole for whole, _ in names) or any(any(words in n for n in part if n) for _, part in names)


def _acted(action):
    """Do an action that leaves the page; the next read waits for the page it leads to."""
    try:
        action()
    except WebDriverException as error:
        # WebKit answers an action whose page unloads before the action's own reply with
        # this error: the page did change, which is what the next read waits for.
        if UNLOADED_FIRST not in (error.msg or ""):
            raise


def _typed(text):
    """The keys that type `text`: a line break as the Enter key, which every engine types as one
    (WebKit's driver types nothing for a "\\n" among the keys)."""
    return text.replace("\r\n", "\n").replace("\n", Keys.ENTER)
