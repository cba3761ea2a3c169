"""The drivers the contract runs against, by name: the test client, and each browser Selenium drives.

CONTRACT_DRIVERS (default "client,chromium") names the drivers to run; the nightly run names
firefox and webkit. A browser driver runs against the toolkit's own live server, shared by
every test of its class; each test starts with a browser that has forgotten everyone.
"""

import os

from django_acceptance.drivers.client import ClientDriver

BROWSERS = ("chromium", "firefox", "webkit")
DEFAULT = "client,chromium"
TIMEOUT = float(os.environ.get("CONTRACT_TIMEOUT", "3"))


def names():
    wanted = [n.strip() for n in os.environ.get("CONTRACT_DRIVERS", DEFAULT).split(",") if n.strip()]
    unknown = [n for n in wanted if n not in ("client", *BROWSERS)]
    if unknown:
        raise SystemExit(f"CONTRACT_DRIVERS names {', '.join(unknown)}: name client, {', '.join(BROWSERS)}.")
    return wanted


class ClientFixture:
    """The test client: what it cannot do (scripts, keys) it says by NotSupportedByDriver."""

    scripts = False

    def start(self):
        pass

    def driver(self):
        return ClientDriver()

    def end_test(self, driver):
        pass

    def stop(self):
        pass


class BrowserFixture:
    scripts = True

    def __init__(self, browser):
        self.browser = browser
        self.session = self.server = None
        self.own = []  # sessions a test started for itself (driver_of_its_own)

    def start(self):
        from django_acceptance.browser.session import BrowserSession
        from django_acceptance.options import Options
        from django_acceptance.server.live_server import SharedLiveServer

        self.server = SharedLiveServer("127.0.0.1", 0, "127.0.0.1").start()
        # A missing element is looked for until the timeout (a script may draw it): short, on these small pages.
        self.session = BrowserSession(Options(driver="browser", browser=self.browser, timeout=TIMEOUT))
        self.session.start()

    def driver(self):
        from django_acceptance.drivers.browser import BrowserDriver

        driver = BrowserDriver(self.session, self.server.url, self.session.options.timeout, self.server.traffic)
        driver.starts_through_server = True
        return driver

    def driver_of_its_own(self, **options):
        """A driver on a browser of its own, started with other options (-D trace=all): gone with the test."""
        from django_acceptance.browser.session import BrowserSession
        from django_acceptance.drivers.browser import BrowserDriver
        from django_acceptance.options import Options

        session = BrowserSession(Options(driver="browser", browser=self.browser, timeout=TIMEOUT, **options))
        session.start()
        self.own.append(session)
        driver = BrowserDriver(session, self.server.url, TIMEOUT, self.server.traffic)
        driver.starts_through_server = True
        return driver

    def end_test(self, driver):
        while self.own:
            self.own.pop().quit()
        # What one test left owed must not fail the next: forgotten even when settling fails.
        try:
            driver.settle()
        finally:
            self.server.traffic.forget()
            self.session.clear_cookies()

    def stop(self):
        if self.session is not None:
            self.session.quit()
        if self.server is not None:
            self.server.stop()


def fixture(name):
    return ClientFixture() if name == "client" else BrowserFixture(name)
