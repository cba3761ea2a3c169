"""What lasts for the whole run: its options, the browser and the live server, both started on first need."""

import atexit
import threading
import traceback

from django.core.cache import caches
from django.core.signals import got_request_exception
from django.db import connections

from django_acceptance.clock import Clock
from django_acceptance.conf import project
from django_acceptance.drivers.base import DriverError, MachineryError
from django_acceptance.drivers.client import ClientDriver
from django_acceptance.parallel.schedule import location
from django_acceptance.report.terminal import say
from django_acceptance.server.live_server import (
    LiveServerError,
    SharedLiveServer,
)
from django_acceptance.timing import Timer


class UnavailableDriver:
    """Stands in for a browser that cannot start: its first use is an error of the run, with the reason."""

    name = "browser (unavailable)"

    def __init__(self, reason):
        self.reason = reason

    def __getattr__(self, name):
        raise MachineryError(self.reason)

    def evidence(self):
        return {}

    def describe(self):
        return self.name


class Run:
    def __init__(self, options, prestarted=None):
        self.options = options
        # The browser the command started early (browser/session.py's Prestarted), or None.
        self.prestarted = prestarted
        self.browser = None
        self.live_server = None
        self.server_errors = []
        # The site's clock, which steps may move: the live server runs in this process and sees it.
        self.clock = Clock()
        self.timer = Timer(options.timings, options.driver, options.durations)
        self.accessibility = _accessibility() if options.accessibility == "check" else None
        self.impact = None
        if options.impact == "record":
            from django_acceptance.impact.map import Layout
            from django_acceptance.impact.recording import Recorder

            self.impact = Recorder(project().root, Layout.of(project())).start()
        got_request_exception.connect(self._record_server_error)
        atexit.register(self.close)

    def driver_name(self, scenario):
        return self.options.driver_for(scenario)

    def start_scenario(self, scenario):
        if self.impact is not None:
            self.impact.scenario_started(location(scenario), scenario.name, self.driver_name(scenario))

    def new_driver(self, name, test, scenario):
        if self.live_server is not None:
            self.live_server.gate.open()
        self.server_errors.clear()
        # Every scenario starts with nothing counted: no password-reset requests in the cache
        # (failed sign-ins are counted in the database, which every scenario starts empty).
        for cache in caches.all():
            cache.clear()
        if name == "client":
            return ClientDriver()
        # Selenium is imported only when a scenario needs a browser: it is a third of start-up.
        from django_acceptance.browser.session import BrowserSession, BrowserUnavailable
        from django_acceptance.drivers.browser import BrowserDriver

        if self.browser is None:
            self.browser = self.prestarted.session() if self.prestarted else BrowserSession(self.options)
        try:
            self.browser.start()
            server_url = self._server_url(test)
        except (BrowserUnavailable, LiveServerError) as error:
            return UnavailableDriver(str(error))
        # The run's own live server signs in and forgets on the way to a page, and says when it
        # has answered; stock ones cannot.
        own = self.live_server is not None and server_url == self.live_server.url
        traffic = self.live_server.traffic if own else None
        driver = BrowserDriver(self.browser, server_url, self.options.timeout, traffic)
        driver.starts_through_server = own
        driver.accessibility = self.accessibility and self.accessibility.for_scenario()
        return driver

    def end_scenario(self, driver, failed):
        if self.impact is not None:
            self.impact.scenario_done(failed)
        if self.live_server is not None:
            self.live_server.traffic.forget()
            self.live_server.gate.close()
        if driver.name != "browser":
            return
        if failed and self.browser.restart_if_dead():
            say("The browser had stopped responding: a new one starts for the next scenario.", error=True)
        else:
            self.browser.clear_cookies()

    def _server_url(self, test):
        # Under behave-django's stock runner every scenario brings its own live server.
        if hasattr(test, "live_server_url"):
            return test.live_server_url
        if self.live_server is None:
            options = self.options
            server = SharedLiveServer(
                options.server_host, options.server_port, options.server_public_host, hold=options.slow_site
            )
            self.live_server = server.start()
            connections["default"].execute_wrappers.append(self._after_the_site)
        return self.live_server.url

    def browser_version(self):
        """The version of the browser this run used, if it started one."""
        webdriver = getattr(self.browser, "_webdriver", None)
        return (webdriver.capabilities.get("browserVersion", "") if webdriver else "") or ""

    def _after_the_site(self, execute, sql, params, many, context):
        """A step's own query (a Given setting the scene, a check) waits until the site has answered the browser.

        Otherwise a step after an action could read the database before the request the
        action sent has written it, or write what that request then reads.
        """
        server = self.live_server
        # Between scenarios (the rollback) the server answers nothing: a late request waits on
        # the next scenario, so waiting for it here would only wait out the timeout.
        if server is not None and threading.current_thread() is not server.thread and not server.gate.closed:
            if not server.traffic.idle(self.options.timeout):
                raise DriverError(
                    f"Waited {self.options.timeout:g} s for the site to answer the browser before using the "
                    f"database, but {server.traffic.unanswered()}."
                )
        return execute(sql, params, many, context)

    def close(self):
        self.clock.reset()
        if self.impact is not None:
            self.impact.write()
            self.impact = None
        if self.live_server is not None:
            self.live_server.gate.open()
        if self.accessibility is not None:
            self.accessibility.close()
        if self.browser is not None:
            self.browser.quit()
        if self.live_server is not None:
            wrappers = connections["default"].execute_wrappers
            if self._after_the_site in wrappers:
                wrappers.remove(self._after_the_site)
            self.live_server.stop()
            self.live_server = None

    def _record_server_error(self, sender, request=None, **kwargs):
        self.server_errors.append(f"{request.method} {request.get_full_path()}\n{traceback.format_exc()}")


def _accessibility():
    """axe-core's checks of every page (-D accessibility=check), imported by such a run only."""
    from django_acceptance.browser.accessibility import Accessibility

    return Accessibility(project())
