"""A form sent twice: as a double click sends it, or pressed once and its answer refreshed.

What the site receives is what matters, so that is what is sent, in either driver:

- a double click: the form pressed, then the same fields again, with the cookies the browser
  had before the first answer (a second click goes before the first answer has arrived, and
  the browser drops that answer); the person sees the answer to the second;
- a refresh: the form pressed, then the page on show asked for again. A page that came by a
  redirect is asked for again (GET); a page that is the form's own answer, at the form's
  address, is the form sent again, as a browser does after "Confirm Form Resubmission".

What the form sent is read from the site's side (the toolkit's recorder), so the second
request carries the very fields, hidden ones and the CSRF token included, that the first did.
"""

from urllib.parse import urlsplit

from django_acceptance.server import recorder

DOUBLE_CLICK = "with a double click"
REFRESH = "and refreshes the page"


class SentTwice:
    """The driver, whose press sends its form twice (`how`: DOUBLE_CLICK or REFRESH); all else as it is."""

    def __init__(self, driver, how):
        self.driver, self.how = driver, how

    def __getattr__(self, name):
        return getattr(self.driver, name)

    def press(self, button):
        cookies = self.driver.cookies
        path, fields = _press_reading_what_is_sent(self.driver, button)
        if self.how == DOUBLE_CLICK:
            self.driver.cookies = cookies
            self.driver.send_post(path, fields)
        elif self.driver.path == path:
            self.driver.send_post(path, fields)
        else:
            self.driver.visit(self.driver.path)


def _press_reading_what_is_sent(driver, button):
    """Press the button; the path the form went to and the fields it sent, as the site received them."""
    with recorder.record() as window:
        driver.press(button)
        driver.settle()
    posts = [request for request in window.requests if request.method == "POST"]
    assert posts, f"“{button}” on {driver.path} sent no form."
    return urlsplit(posts[0].path).path, posts[0].form
