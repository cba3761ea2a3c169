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

from django_acceptance.drivers.base import DriverError, label_text, normalise
from django_acceptance.drivers.one_line import one_line_errors

POLL_SECONDS = 0.02
# More presses than any page of the site has stops, so a page that traps the focus fails rather than hangs.
MOST_TABS = 60


@one_line_errors
class Keyboard:
    """A person with a keyboard and no mouse."""

    def __init__(self, driver):
        self.driver = driver
        self.wd = driver.wd
        self.session = driver.session

    def focused(self):
        """The accessible name of what has the focus, or None when nothing on the page has it."""
        focused = self.driver.read("focused")
        return None if focused is None else label_text(focused.accessible_name)

    def tab(self):
        """Press Tab; the accessible name of what has the focus now, or None when it has left the page."""
        self.driver.wait_for_page()
        self._keys_pressed()
        ActionChains(self.wd).send_keys(Keys.TAB).perform()
        return self.focused()

    def _keys_pressed(self):
        self.driver.forget_page()

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

        found = self._once_autofocus_settled("tab_plan", name, radio)
        return found["plan"]

    def _follow(self, plan, name):
        """Press the planned keys in one command; true if the browser then focuses `plan`'s target, named `name`."""
        if plan["tabs"] or plan["arrows"]:
            keys = [Keys.TAB] * plan["tabs"] + [Keys.ARROW_DOWN] * plan["arrows"]
            self._keys_pressed()
            ActionChains(self.wd).send_keys(*keys).perform()
        focused = self.driver.read("focused")
        return focused is not None and label_text(focused.accessible_name) == name

    def _settled_focus(self):
        """As focused(), once the browser has moved the focus to the page's autofocus field, if it has one."""

        focused = self._once_autofocus_settled("settled_focus")
        return None if focused is None else label_text(focused.accessible_name)

    def _once_autofocus_settled(self, script, *args):
        """`script`'s answer once it is not false: such scripts answer false while an autofocus is pending."""

        def settled(wd):
            answer = self.driver.read(script, *args)
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
        focused = self.driver.read("focused")
        if focused is None or focused.aria_role != "radio":
            raise DriverError(f"Pressing Tab on {self.driver.path} did not reach a group of radio buttons.")
        seen = []
        while label_text(focused.accessible_name) != name:
            seen.append(label_text(focused.accessible_name))
            self._keys_pressed()
            ActionChains(self.wd).send_keys(Keys.ARROW_DOWN).perform()
            focused = self.driver.read("focused")
            if label_text(focused.accessible_name) in seen:
                raise DriverError(f"The arrow keys on {self.driver.path} go through {', '.join(seen)}, not “{name}”.")

    def press_enter(self, leaves_page=True):
        """Press Enter on what has the focus; unless told otherwise, wait for the page it leads to."""
        if not leaves_page:
            self._keys_pressed()
            ActionChains(self.wd).send_keys(Keys.ENTER).perform()
            return
        self.driver.navigate(
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
        found = self.driver.read("announced_page")
        return {**found, "headings": [normalise(h) for h in found["headings"]]}

    def controls(self):
        """Every field and button on the page, in the page's order."""
        return [Announced(found) for found in self.driver.read("controls")]

    def groups(self):
        """Every group of fields by its name (a fieldset's legend): its choices and its description."""
        return {
            label_text(found["element"].accessible_name): {
                "choices": [label_text(choice) for choice in found["choices"]],
                "description": normalise(found["description"]),
            }
            for found in self.driver.read("groups")
        }

    def navigations(self):
        """The name of each navigation landmark (aria-label), in the page's order."""
        return [label_text(element.accessible_name) for element in self.driver.read("navigations")]

    def field(self, name):
        controls = self.controls()
        for control in controls:
            if control.name == name:
                return control
        names = ", ".join(f"“{c.name}”" for c in controls)
        raise DriverError(f"No field on {self.driver.path} is announced as “{name}”; there are {names}.")
