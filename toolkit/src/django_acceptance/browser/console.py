"""What the browser's pages wrote to their console, and the JavaScript errors they threw.

WebDriver BiDi pushes each as it happens (log.entryAdded): the run's browser session
(browser/session.py) subscribes once per browser, in Firefox, and in Chromium with
-D trace=all. With -D trace=failed Chromium's are read once a scenario has failed,
through its driver's log endpoint (one command, which its evidence takes anyway), and
heard then. WebKitGTK's driver has no BiDi in Debian's build, nor a log endpoint:
nothing is heard there. Asking the browser at every step would cost a command a step,
which a passing scenario must not pay.

    from django_acceptance.browser import console

    with console.listen() as heard:
        driver.press("Send")
    [entry.text for entry in heard]      # what the page said meanwhile, in the order it said it

Entries arrive on BiDi's own threads, shortly after the page said them: whoever reads a
listening after the step that caused it reads what had arrived by then (report/trace.py
gives what arrives after a scenario's last step to that step).
"""

import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass

__all__ = ["Entry", "heard", "listen"]


@dataclass
class Entry:
    kind: str  # "console" (console.log, .warn, .error...) or "error" (a JavaScript error nobody caught)
    level: str  # BiDi's: "debug", "info", "warn" or "error"
    method: str  # the console's method ("log", "warn", "error"...), or "" for a JavaScript error
    text: str
    source: str  # "url:line:column" of the top frame, or "" where the browser gives none
    timestamp: float  # milliseconds since the epoch, by the browser's clock: the order they were said in

    @property
    def line(self):
        """`error Uncaught TypeError: x is undefined (http://…/app.js:3:7)`: one line, as the evidence shows it."""
        where = f" ({self.source})" if self.source else ""
        return f"{'exception' if self.kind == 'error' else self.level} {self.text}{where}"


_lock = threading.Lock()
_listening = []


def heard(entry):
    """Give an entry to every open listening (called by the session's BiDi handlers)."""
    with _lock:
        for entries in _listening:
            entries.append(entry)


@contextmanager
def listen():
    """A list that gets every entry heard until the block ends."""
    entries = []
    with _lock:
        _listening.append(entries)
    try:
        yield entries
    finally:
        with _lock:
            _listening.remove(entries)


# "http://host/path 12:5 Uncaught ReferenceError: x is not defined": where, then what.
LOGGED = re.compile(r"^(\S+) (\d+:\d+) (.*)$", re.S)
LEVELS = {"SEVERE": "error", "WARNING": "warn", "INFO": "info", "DEBUG": "debug"}


def from_log_endpoint(entry):
    """An Entry from chromedriver's log endpoint (get_log("browser")): its level, message, source, timestamp."""
    found = LOGGED.match(entry.get("message", ""))
    where, text = (f"{found.group(1)}:{found.group(2)}", found.group(3)) if found else ("", entry.get("message", ""))
    kind = "error" if entry.get("source") == "javascript" else "console"
    if entry.get("source") == "console-api" and text.startswith('"') and text.endswith('"'):
        text = text[1:-1]  # a string logged is quoted by the endpoint
    level = LEVELS.get(entry.get("level"), "info")
    return Entry(kind, level, "", text, where, entry.get("timestamp") or 0)


def from_bidi(kind, message):
    """An Entry from Selenium's ConsoleMessage or ScriptError (its add_console_handler, add_error_handler)."""
    where = ""
    if message.source:
        where = f"{message.source}:{message.line_number}:{message.column_number}"
    text = message.text if kind == "console" else message.message
    level = message.level if kind == "console" else "error"
    method = (message.method or "") if kind == "console" else ""
    return Entry(kind, level or "info", method, text or "", where, message.timestamp or 0)
