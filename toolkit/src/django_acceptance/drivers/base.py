"""The one interface every driver implements: what a person does and sees on a page.

Steps and tasks speak only this interface, so the same scenario runs through the
Django test client or a real browser. Like Capybara's driver contract: small,
and every backend either does a thing or raises a named error. The contract that
holds every driver to it is toolkit/tests/contract/.

Finders (finding.py) take what a person reads: a field by its label, placeholder,
aria-label, id or name; a button or a link by its words. Text matches exactly first and
in part only where nothing matches exactly; only what is shown matches; two matches are an
AmbiguousMatch, never the first of them. `within` scopes every find and every action.
"""

import re
from contextlib import contextmanager


class DriverError(AssertionError):
    """What a person tried could not be done on this page (a missing field, link or button).

    An AssertionError, so the report shows it as the step's failure in one line.
    """


class ElementNotFound(DriverError):
    """Nothing on the page matches; the message names what the page has instead."""


class AmbiguousMatch(DriverError):
    """Several elements match equally well; the message lists them and how `within` narrows."""


class NotSupportedByDriver(DriverError):
    """This driver cannot do what a browser would do here; the message says how to run it where it can."""


class BrowserOnly(NotSupportedByDriver):
    """Only a real browser can do this: press keys, or say what a screen reader would announce."""


class MachineryError(Exception):
    """The run's machinery failed (the browser died, the Grid cannot be reached): an error of the run.

    Not an AssertionError: the specification did not fail, so the terminal, JUnit and the
    report count it as an error, apart from the failures.
    """


def normalise(text):
    """Collapse whitespace, so that text matches however the page wraps it."""
    return re.sub(r"\s+", " ", text or "").strip()


def label_text(text):
    """A label as a person reads it: without Django's trailing colon."""
    return normalise(text).rstrip(":").strip()


class Driver:
    """What a step may ask of a page. A method a driver cannot keep raises NotSupportedByDriver."""

    name = "driver"
    # The scopes of the `within` blocks around the present step, outermost first.
    scopes = ()

    def _cannot(self, what):
        raise NotSupportedByDriver(f"The {self.name} driver cannot {what}: run the scenario with a driver that can.")

    # Going places
    def visit(self, url):
        """Open a path of the site (or an absolute URL, e.g. from an email)."""
        self._cannot("open a page")

    def click_link(self, text):
        """Click the link with these words (or id, title, aria-label); it need not lead to another page."""
        self._cannot("click a link")

    # Forms: fields found by label, placeholder, aria-label, id or name; buttons by their words
    def fill_in(self, field, value):
        self._cannot("fill in a field")

    def choose(self, field):
        """Pick this radio button."""
        self._cannot("choose a radio button")

    def check(self, field):
        """Tick this checkbox (a box already ticked stays so)."""
        self._cannot("tick a checkbox")

    def uncheck(self, field):
        self._cannot("untick a checkbox")

    def select(self, option, field):
        """Choose the option with these words in this select (a multiple select adds it)."""
        self._cannot("choose an option")

    def attach_file(self, field, path):
        """Give this file input the file at `path`."""
        self._cannot("attach a file")

    def press(self, button):
        """Press a button: it sends its form, or does what the page's scripts make of it; the page settles."""
        self._cannot("press a button")

    @contextmanager
    def within(self, scope):
        """Scope every find and action in the block to one part of the page.

        `scope` is a region's name (a landmark's or section's aria-label, or its heading, or a
        fieldset's legend) or else a CSS selector; it must match one shown element. Blocks nest.
        """
        outer = self.scopes
        self.scopes = (*outer, scope)
        try:
            yield self
        finally:
            self.scopes = outer

    def send_post(self, path, fields=None):
        """Send a POST with these fields to a path that no form on the page offers, as a request made by hand would.

        It carries the person's session and the site's CSRF token, read from the cookie
        as a script on the page could: nothing but the rules of the site stops it.
        """
        self._cannot("send a request by hand")

    def send_from_other_site(self, path, fields=None, cross_site=False):
        """Open a page on another site that posts these fields to a path of this one, while signed in here.

        It carries the person's cookies but not the site's CSRF token, which another
        site cannot read. The page is on another origin of the same site for cookies (a
        sibling subdomain, the hardest case), or with `cross_site` on another domain, where
        a browser sends only the cookies whose SameSite flag lets it.
        """
        self._cannot("open a page of another site")

    def image_from_other_site(self, path):
        """Open a page on another site that shows an image from this path of the site, while signed in here."""
        self._cannot("open a page of another site")

    def settle(self):
        """Wait until the site has answered the last action, so that what it did (an email sent,
        an article saved) is there for a step to look up."""

    # What a person sees (within the present scope)
    def text_framed_by_other_site(self, path):
        """Open a page on another site that shows this path of the site in a frame; the text shown there."""
        self._cannot("open a page of another site")

    @property
    def text(self):
        """The visible text of the page (or of the scope), whitespace collapsed."""
        self._cannot("read the page")

    @property
    def heading(self):
        """The page's main heading (its first h1)."""
        self._cannot("read the page")

    @property
    def path(self):
        """The path and query of the page on show; off the site (a redirect led away), its whole address."""
        self._cannot("read the page")

    def headings(self, level):
        """The texts of the page's headings of this level, in order."""
        self._cannot("read the page")

    def texts(self, selector):
        """The visible text of every shown element that matches this CSS selector, in the page's order.

        Capybara's `all(css)`: a list read as a list, so a check can say which items, in
        which order and how many (`have_css(..., count:)`), and under what (`within`).
        """
        self._cannot("read the page")

    def has_link(self, text):
        self._cannot("read the page")

    def has_button(self, text):
        self._cannot("read the page")

    def has_field(self, field):
        """A shown field that this label, placeholder, aria-label, id or name finds."""
        self._cannot("read the page")

    def field_type(self, field):
        """The kind of the field: "password" for one that hides what is typed, "select"..."""
        self._cannot("read the page")

    @property
    def cookies_for_scripts(self):
        """The names of the cookies that a script on the page can read (its document.cookie)."""
        self._cannot("read cookies")

    @property
    def host(self):
        """The site's host name and port, as links in its emails name it."""
        self._cannot("name the site's host")

    def has_text(self, text):
        return normalise(text) in self.text

    def has_no_text(self, text):
        return normalise(text) not in self.text

    # The keyboard alone, and what a screen reader announces (drivers/assistive.py)
    @property
    def keyboard(self):
        """Real key presses: Tab to an element, type, choose with the arrow keys, press Enter."""
        raise BrowserOnly(f"The {self.name} driver cannot press keys: tag the scenario @browser.")

    @property
    def screen_reader(self):
        """What a screen reader announces: the page's title and headings, each field's name and description."""
        raise BrowserOnly(
            f"The {self.name} driver cannot tell what a screen reader announces: tag the scenario @browser."
        )

    # Shortcuts for state that is not under test
    def sign_in_as(self, user):
        self._cannot("sign someone in")

    def sign_out(self):
        self._cannot("sign someone out")

    # The session cookie, as someone who copied it from the browser would keep and reuse it
    @property
    def session_cookie(self):
        self._cannot("read the session cookie")

    @session_cookie.setter
    def session_cookie(self, value):
        self._cannot("set the session cookie")

    # Every cookie the person holds for the site, as a second click sends them from before the first's answer
    @property
    def cookies(self):
        """A copy of every cookie the person holds for the site, to put back later with `driver.cookies = kept`."""
        self._cannot("read cookies")

    @cookies.setter
    def cookies(self, kept):
        """Hold the cookies of a copy read earlier, and no others: those set since are dropped."""
        self._cannot("set cookies")

    # Failure evidence: name -> (file suffix, bytes or str)
    def evidence(self):
        return {}

    def describe(self):
        return self.name
