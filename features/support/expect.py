"""Checks of what a person sees, with failure messages that show what they saw instead.

Anchored on Capybara's matchers: where the person is comes first (`have_current_path`,
the page's heading), then what they read; a list is read as a list (`have_css` with
`count:`: which items, in which order, how many, and `within`: under what); an email is
read whole; and a page that refuses shows its refusal and nothing else.
"""

import re
from urllib.parse import urlsplit

from django_acceptance import normalise
from django_acceptance.sentences import listed
from features.support import answers

BACK = "Back to the front page"
# Each error page by its heading, and the whole of what its content says, in order ({} is the refusal's
# own reason where the page has one): nothing else may show there, not a title, a name or an address.
ERROR_PAGES = {
    "Not allowed": ["Not allowed", "{}", BACK],
    "Not sent": [
        "Not sent",
        "This form did not come from a page of the newsroom, or its page had expired. Nothing was changed.",
        "If you sent it yourself, go back, reload the page and send it again.",
        BACK,
    ],
    "Use the button on the page": [
        "Use the button on the page",
        "This address takes only the form of its page, such as the Publish button. Nothing was changed.",
        BACK,
    ],
    "Page not found": [
        "Page not found",
        "There is nothing here. The page may have moved, or it may not be published yet.",
        BACK,
    ],
}
# The status each of those pages comes with: not allowed, not there, or not the way to use that address.
REFUSALS = {"Not allowed": 403, "Not sent": 403, "Use the button on the page": 405, "Page not found": 404}
# Where a page tells a person something: a message after an action, an error at a field or
# the form, the heading, or a paragraph of the content.
TOLD = "[role=status] li, .errors li, main h1, main > p"
CONTENT = "main > :not([role=status])"
# The messages and errors a page tells a person, without its headings and paragraphs.
MESSAGES = "[role=status] li, .errors li"
COMMENT = ".comment"  # within the article's "Comments"
# A link in an email's text or in its HTML part (where the quote or tag around it ends it).
PART_LINK = re.compile(r"https?://[^\s<>\"']+")


def one_line(text, most=600):
    """Text for a failure message: on one line, and no longer than a person reads at a glance."""
    text = normalise(text)
    return text if len(text) <= most else text[:most] + " …"


def _excerpt(driver):
    return one_line(driver.text)


def expect_text(driver, text):
    assert driver.has_text(text), f"“{normalise(text)}” is not on {driver.path}. The page says: {_excerpt(driver)}"


def expect_no_text(driver, text):
    assert driver.has_no_text(text), f"“{normalise(text)}” is on {driver.path}, and should not be."


def expect_heading(driver, heading):
    # Read once: the message shows the heading that was compared, not one read later.
    seen = driver.heading
    assert seen == heading, f"{driver.path} is headed “{seen}”, not “{heading}”."


def expect_page(driver, path=None, heading=None, reading=None):
    """The person is on this page: its address (path, and query only if `path` names one), then its heading.

    `reading`: the selector of the list the Then reads next, read with the address and heading in one
    round trip to a browser (what is read of a page is kept until the next action).
    """
    if reading is not None:
        driver.texts(reading)
    if path is not None:
        # Off the site, the whole address: no path of the site equals it.
        seen = driver.path if "?" in path or urlsplit(driver.path).netloc else urlsplit(driver.path).path
        assert seen == path, f"She is on {driver.path}, not on {path}. The page says: {_excerpt(driver)}"
    if heading is not None:
        expect_heading(driver, heading)


def expect_told(driver, message):
    """Told this, once, where a page tells things; on an error page only as that page's own reason."""
    told = driver.texts(TOLD)  # First: the heading comes with it, in one round trip.
    heading = driver.heading
    if heading in ERROR_PAGES:
        expect_refused(driver, message)
        return
    told = [text for text in told if normalise(message) in text]
    assert len(told) == 1, (
        f"“{normalise(message)}” is told {len(told)} times on {driver.path} (headed “{heading}”), not once: "
        f"{told or _excerpt(driver)}"
    )


def expect_told_only(driver, message):
    """Told this, and no other message or error beside it."""
    expect_told(driver, message)
    messages = driver.texts(MESSAGES)
    assert messages == [normalise(message)], f"{driver.path} tells {listed(messages)}, not only “{normalise(message)}”."


def expect_refused(driver, reason):
    """An error page that gives this reason and shows nothing but what such a page always shows."""
    shown = driver.texts(CONTENT)  # First: the heading comes with it, in one round trip.
    heading = driver.heading
    assert heading in ERROR_PAGES, (
        f"{driver.path} is headed “{heading}”, not a page that refuses. The page says: {_excerpt(driver)}"
    )
    expected = [line.replace("{}", normalise(reason)) for line in ERROR_PAGES[heading]]
    page = f"The “{heading}” page at {driver.path}"
    assert shown == expected, f"{page} shows {listed(shown)}, not just {listed(expected)}."
    assert normalise(reason) in " ".join(shown), f"The “{heading}” page at {driver.path} does not say “{reason}”."
    # The browser is told too, so that nothing takes the refusal for the page asked for: not a cache, not a
    # search engine, not a script waiting for the answer.
    told = answers.status(driver)
    assert told in (None, REFUSALS[heading]), (
        f"The “{heading}” page at {driver.path} comes as {told}, not as {REFUSALS[heading]}."
    )


def expect_not_found(driver):
    expect_refused(driver, "There is nothing here.")
    assert driver.heading == "Page not found", f"{driver.path} is headed “{driver.heading}”, not “Page not found”."


def expect_list(driver, selector, expected, what):
    """The elements `selector` finds read exactly `expected`: the same items, in the same order, as many."""
    seen = driver.texts(selector)
    assert seen == expected, f"{what} on {driver.path}: {listed(seen, 'none')}; expected {listed(expected, 'none')}."


def expect_comments(driver, expected):
    """The comments under the article on show, in order, each as "Name wrote: text"."""
    heading = driver.heading
    with driver.within("Comments"):
        expect_list(driver, COMMENT, expected, f"The comments under “{heading}”")
        if not expected:
            told = [text for text in driver.texts("p") if text == "No comments yet."]
            assert told == ["No comments yet."], f"{driver.path} does not say “No comments yet.” once."


def expect_email(message, to, subject, body=None, leaves_out=()):
    """One email read whole: to whom (and nobody else), its subject, its body, and what must not be in it."""
    assert message.to == [to] and not message.cc and not message.bcc, (
        f"The email “{message.subject}” goes to {message.to}, cc {message.cc}, bcc {message.bcc}, not to {to} alone."
    )
    assert message.subject == subject, f"The email to {to} is headed “{message.subject}”, not “{subject}”."
    if body is not None:
        seen, wanted = message.body.strip().splitlines(), body.strip().splitlines()
        assert [line.rstrip() for line in seen] == [line.rstrip() for line in wanted], (
            f"The email to {to} reads:\n{message.body}\nnot:\n{body}"
        )
    for secret in leaves_out:
        assert secret not in message.body and secret not in message.subject, (
            f"The email to {to} gives away “{secret}”:\n{message.body}"
        )
    # A reader whose mail program shows an HTML part reads that instead: it must lead to the same places.
    for part in getattr(message, "alternatives", ()):
        assert PART_LINK.findall(part.content) == PART_LINK.findall(message.body), (
            f"The email to {to} has a {part.mimetype} part whose links differ from its text's:\n{part.content}"
        )


def expect_sender(message, sender):
    """Whom an email is from, and where a reply to it goes: back to the same address, nowhere else."""
    assert message.from_email == sender, f"The email “{message.subject}” is from {message.from_email}, not {sender}."
    assert message.reply_to in ([], [sender]), (
        f"A reply to the email “{message.subject}” goes to {message.reply_to}, not back to {sender}."
    )


def expect_named_without_email(driver, person):
    """The page names the person (by full name, or by username where a list shows usernames), and
    nowhere holds their email address: not in the text, not in a link's address, not in the markup."""
    # Read once: the page is the site's own HTML, settled (has_text would wait out its timeout
    # for the full name on a page that names by username, reading the page again and again).
    shown = normalise(driver.text)
    assert normalise(person.full_name) in shown or normalise(person.username) in shown, (
        f"{person.name} is not named on {driver.path}. The page says: {_excerpt(driver)}"
    )
    source = answers.source(driver)
    at = source.lower().find(person.email.lower())
    around = one_line(source[max(at - 80, 0) : at + 80])
    assert at < 0, f"{person.name}'s email address is on {driver.path}: … {around} …"
