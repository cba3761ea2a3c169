"""The keyboard alone, and what a screen reader announces, in a real browser.

Keys are real key presses (WebDriver actions), so focus moves as the browser moves
it, in the page's own order. Names are the browser's own accessible names
(WebDriver's computed label), as a screen reader reads them from the
accessibility tree; descriptions are the text of the elements a field's
aria-describedby names, as the ARIA specification computes them.

Tabbing to a field one press and one question at a time cost three round trips a
press. Instead a script works out from the page how many presses should reach the
field (HTML's order of tab stops, and names as a label or a link's text give them);
the presses go as one command; then the browser says what has the focus and what it
calls it. When the browser disagrees with the plan, the keys go on one press at a
time from where the focus is, as before, so a page the plan misreads fails or passes
exactly as the browser has it.
"""

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from acceptance.drivers.base import DriverError, label_text, normalise
from acceptance.drivers.one_line import one_line_errors

POLL_SECONDS = 0.02
# The tab stops after the focused element (or from the top), each with the name its label
# or text gives it, and how many Tabs reach the first stop named arguments[0]; for a group
# of radio buttons (arguments[1]), the stop is the group and then as many arrow presses
# as reach the one named. false while an autofocus is still to come (see SETTLED_FOCUS).
PLAN = r"""
const [wanted, radio] = arguments;
const clean = (t) => (t || '').replace(/\s+/g, ' ').trim().replace(/:$/, '').trim();
const auto = document.querySelector('[autofocus]');
let focused = document.activeElement;
if (!focused || focused === document.body || focused === document.documentElement) focused = null;
if (!focused && auto && !auto.disabled && auto.getClientRects().length) return false;
const shown = (e) => e.getClientRects().length && getComputedStyle(e).visibility === 'visible' && !e.closest('[inert]');
const named = (e) => {
  const by = e.getAttribute('aria-labelledby');
  if (by) return clean(by.split(/\s+/).map((id) => (document.getElementById(id) || {}).textContent || '').join(' '));
  if (e.getAttribute('aria-label')) return clean(e.getAttribute('aria-label'));
  if (e.labels && e.labels.length) return clean([...e.labels].map((l) => l.textContent).join(' '));
  if (e.tagName === 'INPUT' && ['submit', 'button', 'reset'].includes(e.type)) return clean(e.value);
  return clean(e.innerText || e.getAttribute('title') || '');
};
const candidates = [...document.querySelectorAll(
  'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex], [contenteditable=true]')]
  .filter((e) => e.tabIndex >= 0 && !e.disabled && shown(e));
const ordered = [...candidates.filter((e) => e.tabIndex > 0).sort((a, b) => a.tabIndex - b.tabIndex),
                 ...candidates.filter((e) => e.tabIndex === 0)];
const group = (e) => e.type === 'radio' && e.name
  ? [...document.querySelectorAll('input[type=radio]')]
      .filter((r) => r.name === e.name && r.form === e.form && !r.disabled)
  : [e];
const stops = [];
for (const e of ordered) {
  const members = group(e);
  if (members.length > 1) {
    const stop = members.find((r) => r.checked) || members[0];
    if (stop === e || (members.includes(focused) && e === focused)) stops.push(e);
  } else stops.push(e);
}
let start = focused ? stops.findIndex((e) => e === focused || group(e).includes(focused)) : -1;
if (focused && start < 0) {
  // Focused but not a tab stop (a skip link's target): the next Tab goes to the next stop in the document.
  if (ordered.some((e) => e.tabIndex > 0)) return {plan: null};
  start = stops.filter((e) => e.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING).length - 1;
}
if (!radio && focused && named(focused) === wanted) return {plan: {tabs: 0, arrows: 0, target: focused}};
for (let i = start + 1; i < stops.length; i++) {
  const e = stops[i];
  if (!radio && named(e) === wanted) return {plan: {tabs: i - start, arrows: 0, target: e}};
  if (radio && e.type === 'radio') {
    const members = group(e), from = members.indexOf(e), to = members.findIndex((r) => named(r) === wanted);
    if (to < 0) return {plan: null};
    return {plan: {tabs: i - start, arrows: (to - from + members.length) % members.length, target: members[to]}};
  }
}
return {plan: null};
"""
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


@one_line_errors
class Keyboard:
    """A person with a keyboard and no mouse."""

    def __init__(self, driver):
        self.driver = driver
        self.wd = driver.wd
        self.session = driver.session

    def focused(self):
        """The accessible name of what has the focus, or None when nothing on the page has it."""
        focused = self.driver._read(FOCUSED)
        return None if focused is None else label_text(focused.accessible_name)

    def tab(self):
        """Press Tab; the accessible name of what has the focus now, or None when it has left the page."""
        self.driver._settle()
        self._keys_pressed()
        ActionChains(self.wd).send_keys(Keys.TAB).perform()
        return self.focused()

    def _keys_pressed(self):
        # What was read of the page may no longer hold once keys are pressed on it.
        self.driver._page = None

    def tab_to(self, name):
        """Press Tab until the element named `name` has the focus; fail when the focus leaves the page first.

        The focus only moves forward, so a field that comes before the one focused in the
        page's order is never reached: the order the fields are filled in is checked too.
        A field the page puts the focus in (autofocus) needs no Tab.
        """
        plan = self._plan(name, radio=False)
        if plan and self._follow(plan, name):
            return
        # The plan and the browser disagree: one press at a time, as the browser has it.
        if plan is None and self._settled_focus() == name:
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

    def _plan(self, name, radio):
        """How many Tabs (and arrow presses) should reach `name`, by the page's own order; None if not found."""

        found = self._once_autofocus_settled(PLAN, name, radio)
        return found["plan"]

    def _follow(self, plan, name):
        """Press the planned keys in one command; true if the browser then focuses `plan`'s target, named `name`."""
        if plan["tabs"] or plan["arrows"]:
            keys = [Keys.TAB] * plan["tabs"] + [Keys.ARROW_DOWN] * plan["arrows"]
            self._keys_pressed()
            ActionChains(self.wd).send_keys(*keys).perform()
        focused = self.driver._read(FOCUSED)
        return focused is not None and label_text(focused.accessible_name) == name

    def _settled_focus(self):
        """As focused(), once the browser has moved the focus to the page's autofocus field, if it has one."""

        focused = self._once_autofocus_settled(SETTLED_FOCUS)
        return None if focused is None else label_text(focused.accessible_name)

    def _once_autofocus_settled(self, script, *args):
        """`script`'s answer once it is not false: such scripts answer false while an autofocus is pending."""

        def settled(wd):
            answer = self.driver._read(script, *args)
            # until() hands back the first true value: the answer (None too) travels in a list.
            return False if answer is False else [answer]

        try:
            (answer,) = WebDriverWait(self.wd, self.driver.timeout, poll_frequency=POLL_SECONDS).until(settled)
        except TimeoutException:
            raise DriverError(
                f"The field marked autofocus on {self.driver.path} never got the focus in {self.driver.timeout} s."
            ) from None
        return answer

    def type(self, text):
        """Type into what has the focus."""
        self._keys_pressed()
        ActionChains(self.wd).send_keys(text).perform()

    def choose(self, name):
        """Tab into a group of radio buttons and move to the one named `name` with the arrow keys."""
        plan = self._plan(name, radio=True)
        if plan and self._follow(plan, name):
            return
        if plan is None:
            self.tab()
        focused = self.driver._read(FOCUSED)
        if focused is None or focused.aria_role != "radio":
            raise DriverError(f"Pressing Tab on {self.driver.path} did not reach a group of radio buttons.")
        seen = []
        while label_text(focused.accessible_name) != name:
            seen.append(label_text(focused.accessible_name))
            self._keys_pressed()
            ActionChains(self.wd).send_keys(Keys.ARROW_DOWN).perform()
            focused = self.driver._read(FOCUSED)
            if label_text(focused.accessible_name) in seen:
                raise DriverError(f"The arrow keys on {self.driver.path} go through {', '.join(seen)}, not “{name}”.")

    def press_enter(self, leaves_page=True):
        """Press Enter on what has the focus; unless told otherwise, wait for the page it leads to."""
        if not leaves_page:
            self._keys_pressed()
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


@one_line_errors
class ScreenReader:
    """What a screen reader would announce on the page on show."""

    def __init__(self, driver):
        self.driver = driver
        self.wd = driver.wd
        self.session = driver.session

    def page(self):
        """The page's title, language, main headings and alerts (announced as soon as the page opens)."""
        found = self.driver._read(PAGE)
        return {**found, "headings": [normalise(h) for h in found["headings"]]}

    def controls(self):
        """Every field and button on the page, in the page's order."""
        return [Announced(found) for found in self.driver._read(CONTROLS)]

    def field(self, name):
        controls = self.controls()
        for control in controls:
            if control.name == name:
                return control
        names = ", ".join(f"“{c.name}”" for c in controls)
        raise DriverError(f"No field on {self.driver.path} is announced as “{name}”; there are {names}.")
