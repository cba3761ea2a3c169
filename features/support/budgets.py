"""What a page or a form cost the site, counted on the server's side (the toolkit's recorder).

The When step of a scenario runs inside a recording window (features/environment.py); a
budget step reads what the site answered during it: the page it showed last, or the form
it was sent.
"""

import re
from collections import Counter

from django.conf import settings

# Literal values in SQL, so that the same query for another row reads the same.
LITERALS = re.compile(r"'[^']*'|\b\d+\b")
# A transaction's own statements, which read and write nothing. Where the site opens a
# transaction (django-axes when someone signs out), what is sent depends on the test runner:
# inside the scenario's transaction, nothing; under behave-django's stock runner, a BEGIN.
TRANSACTION = re.compile(r"^\s*(?:BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b", re.I)


def recorded(context):
    """What the site did during the scenario's When; only scenarios tagged @budget record it."""
    window = getattr(context, "when_window", None)
    assert window is not None, "Queries are counted only in scenarios tagged @budget: tag this one."
    return window


def page_shown(window):
    """The last page the site answered with itself (not a redirect, not a missing favicon)."""
    pages = [r for r in window.requests if r.method == "GET" and r.status == 200 and not _static(r.path)]
    assert pages, f"No page was answered during the step; the site answered {_answers(window)}."
    return pages[-1]


def form_sent(window):
    """The one form the site was sent during the step."""
    posts = [r for r in window.requests if r.method == "POST"]
    assert len(posts) == 1, f"The step sent {len(posts)} forms, not one; the site answered {_answers(window)}."
    return posts[0]


def expect_at_most(request, budget):
    """At most `budget` queries, or a failure that lists them, the repeated ones first with their count."""
    queries = [query for query in request.queries if not TRANSACTION.match(query.sql)]
    count = len(queries)
    if count <= budget:
        return
    shapes = Counter(LITERALS.sub("?", query.sql) for query in queries)
    listed = "\n".join(f"  {times} × {sql[:160]}" for sql, times in shapes.most_common())
    raise AssertionError(f"{request.method} {request.path} took {count} queries, more than {budget}:\n{listed}")


def _static(path):
    return path.startswith("/" + settings.STATIC_URL.lstrip("/")) or path == "/favicon.ico"


def _answers(window):
    return ", ".join(f"{r.method} {r.path} {r.status}" for r in window.requests) or "nothing"
