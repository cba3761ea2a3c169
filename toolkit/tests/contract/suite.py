"""The driver contract: what every driver does on the same pages, whichever it is.

Capybara's shared session spec is the model: one set of tests, one test application (this
folder's views and templates), run against each driver (drivers.py). A driver that cannot do
a thing says so with NotSupportedByDriver, which the contract holds it to as well: the tests
marked `scripts` run where the driver runs the page's scripts, those marked `no_scripts` where
it does not.

    make contract                                  # the client and Chromium
    CONTRACT_DRIVERS=firefox make contract         # any of client, chromium, firefox, webkit
"""

import functools
import json
import tempfile
from pathlib import Path
from types import SimpleNamespace

from behave.model_core import Status
from django.test import SimpleTestCase

from django_acceptance import AmbiguousMatch, DriverError, ElementNotFound, MachineryError, NotSupportedByDriver
from django_acceptance.report.trace import MASK, Tracer
from tests.contract import drivers


def scripts(test):
    """A case of the page's own scripts: only a driver that runs them keeps it."""

    @functools.wraps(test)
    def run(self):
        if not self.fixture.scripts:
            self.skipTest("the page's scripts run only in a browser")
        test(self)

    return run


def no_scripts(test):
    """What a driver that runs no scripts says instead."""

    @functools.wraps(test)
    def run(self):
        if self.fixture.scripts:
            self.skipTest("this driver runs the page's scripts")
        test(self)

    return run


class Contract:
    fixture_name = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fixture = drivers.fixture(cls.fixture_name)
        cls.fixture.start()
        cls.addClassCleanup(cls.fixture.stop)

    def setUp(self):
        self.d = self.fixture.driver()
        self.addCleanup(self.fixture.end_test, self.d)

    def received(self):
        self.assertEqual(self.d.heading, "Received", self.d.text)
        return self.d.texts("#received li")

    # Finding fields: by label, placeholder, aria-label, id or name

    def test_fields_are_found_by_label_placeholder_aria_label_id_and_name(self):
        self.d.visit("/contract/fields/")
        self.d.fill_in("Name", "Ada")
        self.d.fill_in("Town", "Leeds")
        self.d.fill_in("Email address", "ada@example.com")
        self.d.fill_in("Phone number", "0113")
        self.d.fill_in("code", "X1")
        self.d.fill_in("street", "High Street")
        self.d.fill_in("About you", "Engines")
        self.d.fill_in("Search", "looms")  # a label that is an image: by its alt text
        self.d.press("Send")
        received = self.received()
        for line in ("name=Ada", "town=Leeds", "email=ada@example.com", "phone=0113", "code=X1"):
            self.assertIn(line, received)
        self.assertIn("address=High Street", received)
        self.assertIn("about=Engines", received)
        self.assertIn("q=looms", received)

    def test_a_whole_label_wins_over_one_that_holds_it_in_part(self):
        self.d.visit("/contract/fields/")
        self.d.fill_in("Name", "Ada")  # "Nickname" holds "Name"'s letters, in part and in another case
        self.d.fill_in("Nick", "A")  # in part, where nothing is named so whole
        self.d.press("Send")
        self.assertIn("name=Ada", self.received())
        self.assertIn("nickname=A", self.received())

    def test_words_found_in_part_in_two_fields_are_ambiguous(self):
        self.d.visit("/contract/fields/")
        with self.assertRaises(AmbiguousMatch) as raised:
            self.d.fill_in("ame", "x")
            self.d.press("Send")
        self.assertIn("2 text fields match “ame” on /contract/fields/", str(raised.exception))
        self.assertIn("“Name”", str(raised.exception))
        self.assertIn("“Nickname”", str(raised.exception))

    def test_a_missing_field_names_the_fields_the_page_has(self):
        self.d.visit("/contract/fields/")
        with self.assertRaises(ElementNotFound) as raised:
            self.d.fill_in("Surname", "Lovelace")
            self.d.press("Send")
        message = str(raised.exception)
        self.assertIn("No text field “Surname” on /contract/fields/; text fields here:", message)
        self.assertIn("“Nickname”", message)
        self.assertNotIn("“Secret”", message)  # a hidden field is not one a person sees

    def test_what_each_field_is(self):
        self.d.visit("/contract/fields/")
        self.assertEqual(self.d.field_type("Password"), "password")
        self.assertEqual(self.d.field_type("Colour"), "select")
        self.assertTrue(self.d.has_field("Email address"))
        self.assertTrue(self.d.has_field("Phone number"))
        self.assertFalse(self.d.has_field("Secret"))

    # Choosing: selects, checkboxes, radio buttons, files

    def test_select_check_choose_and_attach_send_what_a_browser_sends(self):
        self.d.visit("/contract/fields/")
        self.d.select("Green", "Colour")
        self.d.select("Large", "Sizes")
        self.d.select("Small", "Sizes")
        self.d.uncheck("Send me news")
        self.d.check("I agree to the terms")
        self.d.choose("By courier")
        with tempfile.NamedTemporaryFile(suffix=".txt") as photo:
            photo.write(b"12345")
            photo.flush()
            self.d.attach_file("Photo", photo.name)
            self.d.press("Send")
            received = self.received()
        self.assertIn("colour=g", received)  # "Green" whole, not "Greenish blue"
        self.assertIn("sizes=s", received)
        self.assertIn("sizes=l", received)
        self.assertNotIn("news=yes", received)
        self.assertIn("terms=agreed", received)
        self.assertIn("delivery=courier", received)
        self.assertNotIn("delivery=post", received)
        self.assertTrue(any(line.startswith("photo: ") and line.endswith("(5 bytes)") for line in received), received)

    def test_a_form_sends_no_disabled_field_nothing_for_an_empty_select_and_only_the_pressed_button(self):
        self.d.visit("/contract/fields/")
        self.d.press("Send")
        received = self.received()
        sent = {line.split("=")[0] for line in received}
        self.assertEqual(sent & {"locked", "closed", "empty"}, set())
        self.assertIn("send=sent", received)
        self.assertIn("news=yes", received)
        self.assertIn("delivery=post", received)
        self.assertIn("about=Hello", received)  # the newline that starts a textarea is not its content
        self.assertIn("hidden=1", received)
        self.d.visit("/contract/buttons/")
        self.d.press("Reject")
        received = self.received()
        self.assertIn("decision=reject", received)
        self.assertNotIn("decision=approve", received)

    def test_a_text_of_several_lines_is_typed_with_its_line_breaks(self):
        self.d.visit("/contract/fields/")
        self.d.fill_in("About you", "Is there parking?\nBring a bike.")
        self.d.press("Send")
        self.assertIn("about: lines ['Is there parking?', 'Bring a bike.']", self.received())

    # Cookies: a copy read, and put back as a second click sends them

    def test_cookies_read_earlier_are_put_back_and_those_set_since_dropped(self):
        self.d.visit("/contract/cookies/?set=first")
        kept = self.d.cookies
        self.d.visit("/contract/cookies/?set=second")
        self.d.visit("/contract/cookies/")
        self.assertEqual(self.received(), ["flavour=second", "later=1"])
        self.d.cookies = kept
        self.d.visit("/contract/cookies/")
        self.assertEqual(self.received(), ["flavour=first"])
        self.assertEqual(self.d.cookies_for_scripts, [])  # "flavour" is HttpOnly, and stays so

    def test_cookies_are_read_and_put_back_right_after_a_page_that_sets_them(self):
        # No visit between: the page the click led to, and the cookies its answer set, come first.
        self.d.visit("/contract/cookies/?set=first")
        kept = self.d.cookies
        self.d.click_link("Set the second")
        later = self.d.cookies
        self.d.cookies = kept
        self.d.click_link("Set the second")
        self.d.cookies = kept
        self.d.visit("/contract/cookies/")
        self.assertEqual(self.received(), ["flavour=first"])
        self.d.cookies = later
        self.d.visit("/contract/cookies/")
        self.assertEqual(self.received(), ["flavour=second", "later=1"])

    def test_a_disabled_field_cannot_be_filled_in(self):
        self.d.visit("/contract/fields/")
        # A driver may say so at once, or when the form is sent (a browser acts on a form with its press).
        with self.assertRaises(DriverError) as raised:
            self.d.fill_in("Locked", "changed")
            self.d.press("Send")
        self.assertIn("“Locked” on /contract/fields/ is disabled", str(raised.exception))

    def test_an_option_not_there_names_the_options(self):
        self.d.visit("/contract/fields/")
        with self.assertRaises(ElementNotFound) as raised:
            self.d.select("Blue", "Colour")
            self.d.press("Send")
        self.assertIn("No option “Blue”", str(raised.exception))
        self.assertIn("“Greenish blue”", str(raised.exception))

    # Buttons: several of one name, hidden ones, where they send

    def test_two_buttons_of_one_name_are_ambiguous_and_within_narrows(self):
        self.d.visit("/contract/buttons/")
        with self.assertRaises(AmbiguousMatch) as raised:
            self.d.press("Delete")
        message = str(raised.exception)
        self.assertIn("2 buttons match “Delete” on /contract/buttons/", message)
        self.assertIn("within(“#first-note”) or within(“Second note”)", message)
        with self.d.within("Second note"):
            self.d.press("Delete")
        self.assertEqual(self.d.texts("#method"), ["POST /contract/echo/"])
        self.assertIn("delete=2", self.received())

    def test_a_list_read_before_where_the_person_is_is_of_the_same_page_and_read_anew_after_an_action(self):
        # A browser reads the page's address and heading with the first list: one read, kept until an action.
        self.d.visit("/contract/buttons/")
        self.assertEqual(self.d.texts("section h2"), ["First note", "A note"])
        self.assertEqual((self.d.path, self.d.heading), ("/contract/buttons/", "Buttons"))
        with self.d.within("Second note"):
            self.assertEqual(self.d.texts("h2"), ["A note"])
            self.assertEqual(self.d.path, "/contract/buttons/")
        self.assertEqual(self.d.texts("h2"), ["First note", "A note"])
        self.d.press("Approve")
        self.assertEqual(self.d.texts("section h2"), [])
        self.assertEqual(self.d.texts("#method"), ["POST /contract/echo/"])
        self.assertEqual((self.d.path, self.d.heading), ("/contract/echo/?from=page", "Received"))
        self.d.visit("/contract/buttons/?again=1")
        self.assertEqual(self.d.texts("section h2"), ["First note", "A note"])
        self.assertEqual((self.d.path, self.d.heading), ("/contract/buttons/?again=1", "Buttons"))

    def test_within_names_a_region_by_its_heading_or_a_css_selector(self):
        self.d.visit("/contract/buttons/")
        with self.d.within("First note"):
            self.assertTrue(self.d.has_button("Delete"))
            self.assertFalse(self.d.has_button("Approve"))
            self.assertEqual(self.d.headings(2), ["First note"])
        with self.d.within("#first-note"):
            self.d.press("Delete")
        self.assertIn("delete=1", self.received())

    def test_within_names_a_fieldset_by_its_legend_and_a_landmark_by_its_label(self):
        self.d.visit("/contract/fields/")
        with self.d.within("Delivery"):
            self.assertTrue(self.d.has_field("By courier"))
            self.assertFalse(self.d.has_field("Name"))
        self.d.visit("/contract/buttons/")
        with self.d.within("Second note"):  # its aria-label, not its heading ("A note")
            self.assertEqual(self.d.headings(2), ["A note"])

    def test_within_a_region_the_page_lacks_names_the_regions(self):
        self.d.visit("/contract/buttons/")
        with self.assertRaises(ElementNotFound) as raised, self.d.within("Third note"):
            self.d.press("Delete")
        self.assertIn("No region “Third note” on /contract/buttons/", str(raised.exception))
        self.assertIn("“First note”", str(raised.exception))

    def test_buttons_hidden_by_html_are_not_found(self):
        # In a closed dialog, a hidden form, display:none, aria-hidden, a template: one Save is shown.
        self.d.visit("/contract/buttons/")
        self.assertFalse(self.d.has_button("Publish"))
        self.d.press("Save")
        self.assertEqual(self.d.texts("#method"), ["POST /contract/echo/"])
        self.assertIn("title=Draft", self.received())

    def test_a_button_sends_its_form_where_its_formaction_and_formmethod_say(self):
        self.d.visit("/contract/buttons/")
        self.d.fill_in("Title", "Final")
        self.d.press("Search elsewhere")
        self.assertEqual(self.d.texts("#method"), ["GET /contract/echo/elsewhere/"])
        # Every field of the form in the query, in the page's order; no button pressed by name.
        self.assertRegex(self.d.path, r"^/contract/echo/elsewhere/\?csrfmiddlewaretoken=\w+&title=Final$")

    # Going places: Referer and Origin, redirects

    def test_a_form_sends_where_it_came_from_and_its_origin(self):
        self.d.visit("/contract/buttons/")
        self.d.press("Approve")
        self.assertRegex(self.d.texts("#referer")[0], r"^Referer: http://[^/]+/contract/buttons/$")
        self.assertRegex(self.d.texts("#origin")[0], r"^Origin: http://[^/]+$")

    def test_a_view_that_sends_back_by_referer_sends_back_to_the_page(self):
        self.d.visit("/contract/buttons/")
        self.d.press("Come back here")
        self.assertEqual(self.d.path, "/contract/buttons/")
        self.assertEqual(self.d.heading, "Buttons")

    def test_a_link_through_a_chain_of_redirects_arrives_at_its_end(self):
        self.d.visit("/contract/buttons/")
        self.d.click_link("Take the long way")
        self.assertEqual(self.d.path, "/contract/echo/?arrived=link")
        self.assertRegex(self.d.texts("#referer")[0], r"^Referer: http://[^/]+/contract/buttons/$")

    def test_a_redirect_to_another_site_leaves_the_site_for_its_whole_address(self):
        self.d.visit("/contract/away/")
        # Where the person is compares with the site's paths: off the site no path of it may match.
        self.assertRegex(self.d.path, r"^http://(localhost|127\.0\.0\.1)(:\d+)?/contract/echo/\?from=contract$")

    def test_a_link_to_the_page_itself_loads_it_again(self):
        self.d.visit("/contract/buttons/")
        self.d.click_link("This page again")
        self.assertEqual(self.d.path, "/contract/buttons/?again=1")
        self.assertEqual(self.d.heading, "Buttons")

    def test_a_missing_link_names_the_links_the_page_has(self):
        self.d.visit("/contract/buttons/")
        with self.assertRaises(ElementNotFound) as raised:
            self.d.click_link("The short way")
        self.assertIn(
            "No link “The short way” on /contract/buttons/; links here: "
            "“Take the long way”, “Received”, “This page again”",
            str(raised.exception),
        )

    # The page's own scripts

    @scripts
    def test_a_button_that_opens_a_dialog_is_an_ordinary_click(self):
        self.d.visit("/contract/scripts/")
        self.d.press("Add a note")
        with self.d.within("New note"):
            self.d.fill_in("Note", "Buy milk")
            self.d.press("Save")
        self.assertIn("note=Buy milk", self.received())
        self.assertEqual(self.d.texts("#method"), ["POST /contract/echo/"])

    @scripts
    def test_a_link_to_nowhere_that_a_script_handles_stays_on_the_page(self):
        self.d.visit("/contract/scripts/")
        self.assertFalse(self.d.has_text("More, shown by a script"))
        self.d.click_link("Show more")
        self.assertEqual(self.d.path, "/contract/scripts/")
        self.assertTrue(self.d.has_text("More, shown by a script"))

    @scripts
    def test_a_form_a_script_sends_itself_stays_on_the_page(self):
        self.d.visit("/contract/scripts/")
        self.d.fill_in("Your email", "ada@example.com")
        self.d.press("Subscribe")
        self.assertEqual(self.d.path, "/contract/scripts/")
        self.assertTrue(self.d.has_text("Subscribed"))

    @scripts
    def test_an_option_a_script_adds_is_chosen(self):
        self.d.visit("/contract/scripts/")
        self.d.select("Cambridge", "Town")
        self.d.press("Save")
        self.assertIn("town=cambridge", self.received())

    @scripts
    def test_a_part_only_a_script_draws_is_waited_for(self):
        self.d.visit("/contract/scripts/")
        self.d.press("Drawn button")
        self.assertTrue(self.d.has_text("Pressed"))

    @no_scripts
    def test_without_scripts_each_case_of_scripts_says_it_needs_a_browser(self):
        self.d.visit("/contract/scripts/")
        for action, words in (
            (lambda: self.d.press("Add a note"), "tag the scenario @browser"),
            (lambda: self.d.click_link("Show more"), "tag the scenario @browser"),
            (lambda: self.d.select("Cambridge", "Town"), "choosing an option JavaScript adds needs a browser"),
        ):
            with self.subTest(words=words), self.assertRaises(NotSupportedByDriver) as raised:
                action()
            self.assertIn(words, str(raised.exception))
        with self.assertRaises(ElementNotFound) as raised:
            self.d.press("Drawn button")
        self.assertIn("The page runs scripts: if they add it, tag the scenario @browser.", str(raised.exception))
        with self.assertRaises(NotSupportedByDriver):
            self.d.keyboard  # noqa: B018 (the property is the request)

    # What the page says in its console

    @scripts
    def test_what_the_page_says_in_its_console_and_the_error_it_throws_are_in_the_failing_steps_trace(self):
        if self.fixture.browser == "webkit":
            self.skipTest("WebKitGTK's driver has no WebDriver BiDi here, nor a log endpoint: its console is not heard")
        # Read once the scenario has failed (-D trace=failed, the fixture's), or pushed by BiDi (trace=all).
        for mode in ("failed", "all"):
            with self.subTest(trace=mode):
                driver = self.d if mode == "failed" else self.fixture.driver_of_its_own(trace=mode)
                self.assert_console_traced(driver)

    def assert_console_traced(self, driver):
        tracer = Tracer("failed")
        tracer.start()
        driver.visit("/contract/buttons/")
        tracer.step_done(_step("Given Ada is on the buttons"))
        driver.visit("/contract/console/")
        tracer.step_done(_step("When she opens the map"))
        self.assertEqual(driver.heading, "Console")
        self.assertIn("not drawn yet", driver.text)  # the check that fails: the script threw first
        tracer.step_done(_step("Then she sees the map", Status.failed))
        driver.evidence()  # as a failed step's hook does, before the scenario's trace is written
        where = tracer.save(Path(tempfile.mkdtemp()), SimpleNamespace(name="Map", location="map:1"), "browser")
        steps = json.loads((where / "trace.json").read_text())["steps"]
        # Said while the page loaded, which its visit waited for: the When's, by the browser's clock.
        self.assertEqual([len(s["console"]) for s in steps], [0, 3, 0])
        said = [(c["kind"], c["level"], c["text"]) for c in steps[1]["console"]]
        self.assertEqual(
            [(kind, level) for kind, level, _ in said], [("console", "info"), ("console", "error"), ("error", "error")]
        )
        self.assertEqual(said[0][2], "Drawing the map")
        self.assertEqual(said[1][2], f"The map could not load its tiles: reset link /reset/MQ/{MASK}/")
        self.assertIn("tiles is not defined", said[2][2])

    # The machinery

    @scripts
    def test_a_browser_that_died_is_an_error_of_the_run_not_a_failed_check(self):
        self.d.visit("/contract/buttons/")
        self.fixture.session.webdriver.service.stop()
        try:
            with self.assertRaises(MachineryError) as raised:
                self.d.press("Approve")
            self.assertNotIsInstance(raised.exception, AssertionError)
            self.assertIn("The browser stopped responding", str(raised.exception))
        finally:
            self.fixture.session.quit()
            self.fixture.session.start()


def _step(sentence, status=Status.passed):
    keyword, name = sentence.split(" ", 1)
    return SimpleNamespace(keyword=keyword, name=name, line=1, status=status, duration=0.01, error_message="")


for _name in drivers.names():
    _class = type(f"{_name.title()}Contract", (Contract, SimpleTestCase), {"fixture_name": _name})
    globals()[_class.__name__] = _class
del _name, _class
