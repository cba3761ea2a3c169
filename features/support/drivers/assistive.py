"""The keyboard alone, and what a screen reader announces, in a real browser.

Keys are real key presses (WebDriver actions), so focus moves as the browser moves
it, in the page's own order. Names are the browser's own accessible names
(WebDriver's computed label), as a screen reader reads them from the
accessibility tree; descriptions are the text of the elements a field's
aria-describedby names, as the ARIA specification computes them.
"""

import functools

from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from features.support.drivers.base import DriverError, label_text, normalise

POLL_SECONDS = 0.02
# More presses than any page of the site has stops, so a page that traps the focus fails rather than hangs.
MOST_TABS = 60
# The focused element, or null when the focus has left the page's elements (past the last one).
FOCUSED = (
    "const e = document.activeElement; return e && e !== document.body && e !== document.documentElement ? e : null;"
)
# Every field and button a person can reach, with what aria-describedby and aria-invalid say of it.
CONTROLS = """
const text = (id) => { const e = document.getElementById(id); return e ? e.textContent : ''; };
return [...document.querySelectorAll('input:not([type=hidden]), textarea, select, button')]
  .filter((e) => e.getClientRects().length)
  .map((e) => {
    const described = e.closest('fieldset[aria-describedby]') && !e.hasAttribute('aria-describedby')
      ? e.closest('fieldset') : e;
    const ids = (described.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean);
    return {element: e, description: ids.map(text).join(' '), missing: ids.filter((id) => !document.getElementById(id)),
            invalid: e.getAttribute('aria-invalid') === 'true', html: e.outerHTML.slice(0, 200)};
  });
"""
# Browsers move the focus to an autofocus field at a rendering step that can come after
# the page's load event; until then nothing has the focus, and a Tab pressed meanwhile
# races the browser's own move.
# This returns the focused element as FOCUSED does, or false while an autofocus is still to come.
SETTLED_FOCUS = """
const wanted = document.querySelector('[autofocus]');
const e = document.activeElement;
const nothing = !e || e === document.body || e === document.documentElement;
if (nothing && wanted && !wanted.disabled && wanted.getClientRects().length) return false;
return nothing ? null : e;
"""
PAGE = """
return {title: document.title, lang: document.documentElement.lang,
        headings: [...document.querySelectorAll('h1, [role=heading][aria-level="1"]')].map((h) => h.innerText),
        alerts: [...document.querySelectorAll('[role=alert]')].map((a) => a.innerText)};
"""


def _one_line(method):
    """WebDriver's failures as one line, as the browser driver gives them."""

    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except WebDriverException as error:
            raise DriverError(self.driver.session.explain(error)) from error

    return guarded


class Keyboard:
    """A person with a keyboard and no mouse."""

    def __init__(self, driver):
        self.driver = driver
        self.wd = driver.wd

    @_one_line
    def focused(self):
        """The accessible name of what has the focus, or None when nothing on the page has it."""
        focused = self.wd.execute_script(FOCUSED)
        return None if focused is None else label_text(focused.accessible_name)

    @_one_line
    def tab(self):
        """Press Tab; the accessible name of what has the focus now, or None when it has left the page."""
        ActionChains(self.wd).send_keys(Keys.TAB).perform()
        return self.focused()

    def tab_to(self, name):
        """Press Tab until the element named `name` has the focus; fail when the focus leaves the page first.

        The focus only moves forward, so a field that comes before the one focused in the
        page's order is never reached: the order the fields are filled in is checked too.
        A field the page puts the focus in (autofocus) needs no Tab.
        """
        if self._settled_focus() == name:
            return
        passed = []
        for _ in range(MOST_TABS):
            focused = self.tab()
            if focused == name:
                return
            if focused is None:
                break
            passed.append(focused)
        shown = ", ".join(f"“{n}”" for n in passed) or "nothing"
        raise DriverError(f"Pressing Tab on {self.driver.path} never reached “{name}”; it went through {shown}.")

    @_one_line
    def _settled_focus(self):
        """As focused(), once the browser has moved the focus to the page's autofocus field, if it has one."""

        def settled(wd):
            focused = wd.execute_script(SETTLED_FOCUS)
            # until() hands back the first true value: the element (or None) travels in a list.
            return False if focused is False else [focused]

        try:
            (focused,) = WebDriverWait(self.wd, self.driver.timeout, poll_frequency=POLL_SECONDS).until(settled)
        except TimeoutException:
            raise DriverError(
                f"The field marked autofocus on {self.driver.path} never got the focus in {self.driver.timeout} s."
            ) from None
        return None if focused is None else label_text(focused.accessible_name)

    @_one_line
    def type(self, text):
        """Type into what has the focus."""
        ActionChains(self.wd).send_keys(text).perform()

    @_one_line
    def choose(self, name):
        """Tab into a group of radio buttons and move to the one named `name` with the arrow keys."""
        self.tab()
        focused = self.wd.execute_script(FOCUSED)
        if focused is None or focused.aria_role != "radio":
            raise DriverError(f"Pressing Tab on {self.driver.path} did not reach a group of radio buttons.")
        seen = []
        while label_text(focused.accessible_name) != name:
            seen.append(label_text(focused.accessible_name))
            ActionChains(self.wd).send_keys(Keys.ARROW_DOWN).perform()
            focused = self.wd.execute_script(FOCUSED)
            if label_text(focused.accessible_name) in seen:
                raise DriverError(f"The arrow keys on {self.driver.path} go through {', '.join(seen)}, not “{name}”.")

    @_one_line
    def press_enter(self, leaves_page=True):
        """Press Enter on what has the focus; unless told otherwise, wait for the page it leads to."""
        if not leaves_page:
            ActionChains(self.wd).send_keys(Keys.ENTER).perform()
            return
        self.driver._navigate(
            lambda: ActionChains(self.wd).send_keys(Keys.ENTER).perform(), "the page after pressing Enter"
        )


class Announced:
    """One field or button, as a screen reader announces it."""

    def __init__(self, found):
        self.name = label_text(found["element"].accessible_name)
        self.description = normalise(found["description"])
        self.missing = found["missing"]
        self.invalid = found["invalid"]
        self.html = found["html"]


class ScreenReader:
    """What a screen reader would announce on the page on show."""

    def __init__(self, driver):
        self.driver = driver
        self.wd = driver.wd

    @_one_line
    def page(self):
        """The page's title, language, main headings and alerts (announced as soon as the page opens)."""
        found = self.wd.execute_script(PAGE)
        return {**found, "headings": [normalise(h) for h in found["headings"]]}

    @_one_line
    def controls(self):
        """Every field and button on the page, in the page's order."""
        return [Announced(found) for found in self.wd.execute_script(CONTROLS)]

    def field(self, name):
        controls = self.controls()
        for control in controls:
            if control.name == name:
                return control
        names = ", ".join(f"“{c.name}”" for c in controls)
        raise DriverError(f"No field on {self.driver.path} is announced as “{name}”; there are {names}.")
