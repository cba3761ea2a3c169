"""What lasts for the whole run: its options, the browser and the live server, both started on first need."""

import atexit
import sys
import traceback

from django.core.signals import got_request_exception

from features.support.browsers import BrowserSession, BrowserUnavailable
from features.support.drivers.base import DriverError
from features.support.drivers.browser import BrowserDriver
from features.support.drivers.client import ClientDriver
from features.support.live_server import SharedLiveServer


class UnavailableDriver:
    """Stands in for a browser that cannot start: the scenario's first use of it fails with the reason."""

    name = "browser (unavailable)"

    def __init__(self, reason):
        self.reason = reason

    def __getattr__(self, name):
        raise DriverError(self.reason)

    def evidence(self):
        return {}

    def describe(self):
        return self.name


class Run:
    def __init__(self, options):
        self.options = options
        self.browser = BrowserSession(options)
        self.live_server = None
        self.server_errors = []
        got_request_exception.connect(self._record_server_error)
        atexit.register(self.close)

    def driver_name(self, scenario):
        return "browser" if "browser" in scenario.effective_tags else self.options.driver

    def new_driver(self, name):
        self.server_errors.clear()
        if name == "client":
            return ClientDriver()
        try:
            self.browser.start()
        except BrowserUnavailable as error:
            return UnavailableDriver(str(error))
        if self.live_server is None:
            self.live_server = SharedLiveServer(
                self.options.server_host, self.options.server_port, self.options.server_public_host
            ).start()
        return BrowserDriver(self.browser, self.live_server.url, self.options.timeout)

    def end_scenario(self, driver):
        if not isinstance(driver, BrowserDriver):
            return
        if self.browser.restart_if_dead():
            print("The browser had stopped responding: a new one starts for the next scenario.", file=sys.stderr)
        else:
            self.browser.clear_cookies(self.live_server.url)

    def close(self):
        self.browser.quit()
        if self.live_server is not None:
            self.live_server.stop()
            self.live_server = None

    def _record_server_error(self, sender, request=None, **kwargs):
        self.server_errors.append(f"{request.method} {request.get_full_path()}\n{traceback.format_exc()}")
