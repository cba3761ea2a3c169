"""What the site's answer tells the browser beyond the page it shows: its status, and its headers.

The client driver keeps the answer it last got. A browser does not show them, so they are read from
the page itself: its status from the Navigation Timing entry (Chromium and Firefox have it; an engine
without it gives None, and the check is left to the others), its headers from the same address
asked again by the page (what a GET of that address answers).
"""

import time

from django.conf import settings

STATUS = "const entry = performance.getEntriesByType('navigation')[0]; return entry ? entry.responseStatus : null;"
HEADERS = """
const request = new XMLHttpRequest();
request.open("GET", location.href, false);
request.send();
return request.getAllResponseHeaders();
"""


def status(driver):
    """The status of the answer the page on show came with, or None where the browser does not say."""
    if driver.name == "client":
        return driver.response.status_code
    return driver.wd.execute_script(STATUS)


def source(driver):
    """The whole page on show, markup and all: what anyone who views its source reads, shown or not."""
    if driver.name == "client":
        return driver.response.content.decode()
    return driver.wd.page_source


def headers(driver):
    """The headers of the answer the page on show came with, by lower-case name."""
    if driver.name == "client":
        return {name.lower(): value for name, value in driver.response.headers.items()}
    lines = driver.wd.execute_script(HEADERS).strip().splitlines()
    return {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines)}


# What keeps a page to the newsroom, by header: what each value allows, and what it means to people.
KEPT_FROM_OTHER_SITES = {
    "x-frame-options": (("DENY", "SAMEORIGIN"), "other sites cannot show it in a frame"),
    "cross-origin-opener-policy": (("same-origin",), "a window another site opened cannot reach it"),
    "referrer-policy": (("same-origin", "no-referrer"), "other sites it links to do not learn its address"),
    "x-content-type-options": (("nosniff",), "no browser takes it for anything but what it says it is"),
}


def not_kept_from_other_sites(driver):
    """What of KEPT_FROM_OTHER_SITES the page's answer does not say, with what it says instead."""
    said = headers(driver)
    return [
        f"{meaning} ({name}: {said.get(name, 'not sent')})"
        for name, (allowed, meaning) in KEPT_FROM_OTHER_SITES.items()
        if said.get(name, "").strip() not in allowed
    ]


def caching(driver):
    """How caches may keep the page: its Cache-Control directives, and whether it varies by the person's cookie."""
    said = headers(driver)
    directives = {d.strip().split("=")[0].lower() for d in said.get("cache-control", "").split(",") if d.strip()}
    varies = {v.strip().lower() for v in said.get("vary", "").split(",")}
    return directives, "cookie" in varies, said


def session_lifetime(driver):
    """Seconds the browser is told to keep the session cookie, or None: until the browser closes."""
    if driver.name == "client":
        morsel = driver.client.cookies.get(settings.SESSION_COOKIE_NAME)
        assert morsel is not None and morsel.value, "The browser holds no session cookie."
        return int(morsel["max-age"]) if morsel["max-age"] != "" else None
    cookie = driver.wd.get_cookie(settings.SESSION_COOKIE_NAME)
    assert cookie, "The browser holds no session cookie."
    return cookie["expiry"] - time.time() if "expiry" in cookie else None
