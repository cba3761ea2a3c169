"""The one interface every driver implements: what a person does and sees on a page.

Steps and tasks speak only this interface, so the same scenario runs through the
Django test client or a real browser. Like Capybara's driver contract: small,
and every backend either does a thing or raises a named error.
"""

import re


class DriverError(AssertionError):
    """What a person tried could not be done on this page (a missing field, link or button).

    An AssertionError, so the report shows it as the step's failure in one line.
    """


class BrowserOnly(DriverError):
    """Only a real browser can do this: press keys, or say what a screen reader would announce."""


def normalise(text):
    """Collapse whitespace, so that text matches however the page wraps it."""
    return re.sub(r"\s+", " ", text or "").strip()


def label_text(text):
    """A label as a person reads it: without Django's trailing colon."""
    return normalise(text).rstrip(":").strip()


class Driver:
    name = "driver"

    # Going places
    def visit(self, url):
        """Open a path of the site (or an absolute URL, e.g. from an email)."""
        raise NotImplementedError

    def click_link(self, text):
        raise NotImplementedError

    # Forms, found by what a person reads: a field's label, a button's words
    def fill_in(self, label, value):
        raise NotImplementedError

    def choose(self, label):
        """Pick the radio button with this label."""
        raise NotImplementedError

    def press(self, button):
        """Press a form's button and wait for the page it leads to."""
        raise NotImplementedError

    def send_post(self, path, fields=None):
        """Send a POST with these fields to a path that no form on the page offers, as a request made by hand would.

        It carries the person's session and the site's CSRF token, read from the cookie
        as a script on the page could: nothing but the rules of the site stops it.
        """
        raise NotImplementedError

    def send_from_other_site(self, path, fields=None, cross_site=False):
        """Open a page on another site that posts these fields to a path of this one, while signed in here.

        It carries the person's cookies but not the site's CSRF token, which another
        site cannot read. The page is on another origin of the same site for cookies (a
        sibling subdomain, the hardest case), or with `cross_site` on another domain, where
        a browser sends only the cookies whose SameSite flag lets it.
        """
        raise NotImplementedError

    def image_from_other_site(self, path):
        """Open a page on another site that shows an image from this path of the site, while signed in here."""
        raise NotImplementedError

    def settle(self):
        """Wait until the site has answered the last action, so that what it did (an email sent,
        an article saved) is there for a step to look up."""

    # What a person sees
    def text_framed_by_other_site(self, path):
        """Open a page on another site that shows this path of the site in a frame; the text shown there."""
        raise NotImplementedError

    @property
    def text(self):
        """The page's visible text, whitespace collapsed."""
        raise NotImplementedError

    @property
    def heading(self):
        """The page's main heading (its first h1)."""
        raise NotImplementedError

    @property
    def path(self):
        """The path and query of the page on show."""
        raise NotImplementedError

    def headings(self, level):
        """The texts of the page's headings of this level, in order."""
        raise NotImplementedError

    def texts(self, selector):
        """The visible text of every element that matches this CSS selector, in the page's order.

        Capybara's `all(css)`: a list read as a list, so a check can say which items, in
        which order and how many (`have_css(..., count:)`), and under what (`within`: a
        selector such as `.comments .comment`).
        """
        raise NotImplementedError

    def has_link(self, text):
        raise NotImplementedError

    def has_button(self, text):
        raise NotImplementedError

    def has_field(self, label):
        raise NotImplementedError

    def field_type(self, label):
        """The kind of the field with this label: "password" for one that hides what is typed."""
        raise NotImplementedError

    @property
    def cookies_for_scripts(self):
        """The names of the cookies that a script on the page can read (its document.cookie)."""
        raise NotImplementedError

    @property
    def host(self):
        """The site's host name and port, as links in its emails name it."""
        raise NotImplementedError

    def has_text(self, text):
        return normalise(text) in self.text

    def has_no_text(self, text):
        return normalise(text) not in self.text

    # The keyboard alone, and what a screen reader announces (drivers/assistive.py)
    @property
    def keyboard(self):
        """Real key presses: Tab to an element, type, choose with the arrow keys, press Enter."""
        raise NotImplementedError

    @property
    def screen_reader(self):
        """What a screen reader announces: the page's title and headings, each field's name and description."""
        raise NotImplementedError

    # Shortcuts for state that is not under test
    def sign_in_as(self, user):
        raise NotImplementedError

    def sign_out(self):
        raise NotImplementedError

    # The session cookie, as someone who copied it from the browser would keep and reuse it
    @property
    def session_cookie(self):
        raise NotImplementedError

    @session_cookie.setter
    def session_cookie(self, value):
        raise NotImplementedError

    # Failure evidence: name -> (file suffix, bytes or str)
    def evidence(self):
        return {}

    def describe(self):
        return self.name
