"""The suite's run options (`-D name=value`, defaults in behave.ini), checked before anything starts."""

import os
import socket
from dataclasses import dataclass, fields

DRIVERS = ("client", "browser")
BROWSERS = ("chromium", "firefox")
ACCESSIBILITY = ("off", "check")
TRUE, FALSE = {"true", "yes", "1", "on"}, {"false", "no", "0", "off"}


class OptionError(Exception):
    """A run option is wrong; the message says which and what it may be."""


def _choice(userdata, name, choices, default):
    value = userdata.get(name, default).strip().lower()
    if value not in choices:
        raise OptionError(f"-D {name}={value!r} is not a valid {name}: use one of {', '.join(choices)}.")
    return value


def _flag(userdata, name, default):
    value = userdata.get(name, default).strip().lower()
    if value not in TRUE | FALSE:
        raise OptionError(f"-D {name}={value!r} is not true or false.")
    return value in TRUE


def _number(userdata, name, default, kind, low, high):
    value = userdata.get(name, default)
    try:
        number = kind(value)
    except ValueError:
        number = None
    if number is None or not low <= number <= high:
        raise OptionError(f"-D {name}={value!r} is not a number from {low} to {high}.")
    return number


@dataclass(frozen=True)
class Options:
    driver: str = "client"
    browser: str = "chromium"
    headless: bool = True
    remote_url: str = ""
    timeout: float = 10.0
    # Where the live server listens, and the host name the browser uses to reach it.
    # A browser on a Selenium Grid node needs an address it can reach: bind 0.0.0.0
    # and give this machine's name as server_public_host.
    server_host: str = "127.0.0.1"
    server_port: int = 0
    server_public_host: str = ""
    # Failure evidence goes to <evidence_dir>/<driver>/<feature>--<scenario>/.
    evidence_dir: str = "reports/failures"
    # For the benchmark only: run the browser as a suite without this one's shortcuts
    # would (a new browser for every scenario, signing in through the form).
    naive: bool = False
    # check: axe-core checks every page a browser scenario visits (features/support/accessibility.py).
    accessibility: str = "off"
    # Where to write the run's timings (scripts/bench.py reads them); empty: nowhere.
    timings: str = ""
    # Where to write the client driver's requests, for the benchmark's replay (support/recording.py).
    record: str = ""

    @classmethod
    def from_userdata(cls, userdata):
        # Dotted names belong to formatters (behave.formatter.html-pretty.title_string...).
        unknown = sorted(name for name in userdata if "." not in name and name not in OPTION_NAMES)
        if unknown:
            raise OptionError(f"-D {unknown[0]} is not a run option: use one of {', '.join(OPTION_NAMES)}.")
        remote_url = userdata.get("remote_url", "") or os.environ.get("SELENIUM_REMOTE_URL", "")
        server_host = userdata.get("server_host", cls.server_host)
        driver = _choice(userdata, "driver", DRIVERS, cls.driver)
        accessibility = _choice(userdata, "accessibility", ACCESSIBILITY, cls.accessibility)
        if accessibility == "check":
            from features.support.accessibility import setup_problem

            if problem := setup_problem():
                raise OptionError(problem)
        return cls(
            driver=driver,
            browser=_choice(userdata, "browser", BROWSERS, cls.browser),
            headless=_flag(userdata, "headless", "true"),
            remote_url=remote_url.rstrip("/"),
            timeout=_number(userdata, "timeout", str(cls.timeout), float, 0.5, 600),
            server_host=server_host,
            server_port=_number(userdata, "server_port", "0", int, 0, 65535),
            server_public_host=userdata.get("server_public_host", "")
            or (socket.gethostname() if server_host in ("0.0.0.0", "::") else server_host),
            evidence_dir=os.path.join(userdata.get("evidence_dir", cls.evidence_dir), driver),
            naive=_flag(userdata, "naive", "false"),
            accessibility=accessibility,
            timings=userdata.get("timings", ""),
            record=userdata.get("record", ""),
        )


OPTION_NAMES = [field.name for field in fields(Options)]
