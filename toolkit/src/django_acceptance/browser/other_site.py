"""Pages on another site, for the browser driver: they send a form to the site, frame it, show its images.

Cross-site request forgery is done by a browser: a page elsewhere submits a form to
the site, and the browser sends the site's cookies along. This server plays
that page. It listens on the live server's host but on a port of its own, so it is
another origin, which the CSRF check must refuse, and still the same site for
cookies, so the session cookie goes along as it would from a sibling subdomain: the
hardest case, where the CSRF check alone stands between the page and the site.
Served under the loopback's other name (localhost for 127.0.0.1) it is on another
domain, to which the browser applies the cookies' SameSite flags.
A page that shows the site in a frame (to trick a click on it) is refused by the
browser when the site's answer forbids framing.
"""

import atexit
import html
import itertools
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FRAMING = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Read the news here</title></head>
<body><h1>Read the news here</h1>
<iframe src="{src}" width="800" height="600" onload="window.framed = true"></iframe>
</body></html>
"""
IMAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Look at this</title></head>
<body><h1>Look at this</h1>
<img src="{src}" alt="" onload="window.imageDone = true" onerror="window.imageDone = true">
</body></html>
"""
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>You have won a prize</title></head>
<body><h1>You have won a prize</h1>
<form method="post" action="{action}">{fields}</form>
<script>document.forms[0].submit();</script>
</body></html>
"""


class OtherSite:
    """Serves pages that submit a form to the site as soon as they load."""

    def __init__(self, host, public_host):
        self.public_host = public_host
        self.pages = {}
        self.numbers = itertools.count(1)
        self.server = ThreadingHTTPServer((host, 0), _handler(self.pages))
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, args=(0.05,), name="other-site", daemon=True).start()

    @property
    def origin(self):
        return f"http://{self.public_host}:{self.server.server_address[1]}"

    def page_sending(self, action, fields):
        """The address of a page that posts `fields` to `action` (an absolute URL) when opened."""
        inputs = "".join(
            f'<input type="hidden" name="{html.escape(name)}" value="{html.escape(str(value))}">'
            for name, value in fields.items()
        )
        return self._serve(PAGE.format(action=html.escape(action), fields=inputs))

    def _serve(self, page):
        path = f"/page-{next(self.numbers)}"
        self.pages[path] = page.encode()
        return self.origin + path

    def page_showing_image(self, src):
        """The address of a page that shows an image from `src` (an absolute URL), as any page may."""
        return self._serve(IMAGE.format(src=html.escape(src)))

    def page_framing(self, src):
        """The address of a page that shows `src` (an absolute URL) inside a frame of its own."""
        return self._serve(FRAMING.format(src=html.escape(src)))

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def _handler(pages):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the name http.server calls)
            page = pages.get(self.path)
            self.send_response(200 if page else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page or b"Not found")

        def log_message(self, *args):
            """Quiet: the run's output is the scenarios'."""

    return Handler


_running = {}


def other_site(host, public_host):
    """The run's other site, started on first use and stopped when the run ends."""
    key = (host, public_host)
    if key not in _running:
        _running[key] = site = OtherSite(host, public_host)
        atexit.register(site.stop)
    return _running[key]
