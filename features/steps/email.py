"""Email that people receive, read whole."""

import re

from behave import then
from django.core import mail

from django_acceptance.sentences import listed
from features.support.cast import DEFAULT_PASSWORD
from features.support.expect import expect_email, expect_page, expect_sender
from features.support.mailbox import LINK, emails_to

# A line of an email as a scenario writes it, where the email carries a link to one of the site's pages.
LINK_LINE = re.compile(r"^\{a link to (?P<page>.+)\}$")
PAGES = {"the sign-in page": ("/login/", "Sign in"), "choose a new password": (None, "Choose a new password")}


@then('"{address:Quoted}" receives one email, "{subject:Quoted}"')
def receive_one(context, address, subject):
    """The one email sent to this address, once the site has answered; it must have this subject."""
    context.people.driver.settle()
    received = emails_to(address)
    assert [m.subject for m in received] == [subject], (
        f"{address} received {[m.subject for m in received]}, not just “{subject}”."
    )
    context.email = received[0]


@then('"{address:Quoted}" receives one email, "{subject:Quoted}", that reads:')
def step_receives_one_that_reads(context, address, subject):
    receive_one(context, address, subject)
    body, context.email_links = expected_body(context.email.body, context.text, context.people.driver.host)
    # Nothing secret: no password anyone in the scenario has, and nobody else's address.
    secrets = [
        DEFAULT_PASSWORD,
        *context.people.passwords.values(),
        *(a for m in mail.outbox for a in m.to if a != address),
    ]
    expect_email(context.email, address, subject, body, leaves_out=secrets)


@then('it comes from "{sender:Quoted}", and a reply goes back there')
def step_email_from(context, sender):
    expect_sender(context.email, sender)


@then("the link in it leads to {page}")
def step_link_leads(context, page):
    path, heading = PAGES[page]
    driver = context.people.signed_out("a visitor")
    driver.visit(context.email_links[page])
    expect_page(driver, path, heading)


def expected_body(sent, written, host):
    """The body as the scenario writes it, each "{a link to ...}" line replaced by the sent link it stands for.

    The link must be on this site, and the only thing on its line.
    """
    lines, links = [], {}
    ours = [link for link in LINK.findall(sent) if link.startswith(f"http://{host}/")]
    for line in written.splitlines():
        wanted = LINK_LINE.match(line.strip())
        if not wanted:
            lines.append(line)
            continue
        assert ours, f"The email carries no link to this site ({host}) for {wanted['page']}:\n{sent}"
        links[wanted["page"]] = ours.pop(0)
        lines.append(links[wanted["page"]])
    return "\n".join(lines), links


@then("no email is sent")
def step_no_email(context):
    context.people.driver.settle()
    assert not mail.outbox, "Email was sent: " + "; ".join(f"“{m.subject}” to {', '.join(m.to)}" for m in mail.outbox)


@then('"{address:Quoted}" receives {count:d} emails, each "{subject:Quoted}"')
def step_receives_several(context, address, count, subject):
    received = [m.subject for m in emails_to(address)]
    got = listed(received, "no email")
    assert received == [subject] * count, f"{address} received {got}, not {count} times “{subject}”."


@then('the email does not hold "{text:Quoted}"')
def step_email_without(context, text):
    assert text not in context.email.body, f"The email holds “{text}”:\n{context.email.body}"
