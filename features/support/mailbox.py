"""Email as the people in the scenarios receive it: Django's test outbox."""

import re

from django.core import mail

from features.support.expect import one_line

LINK = re.compile(r"https?://\S+")


def emails_to(address):
    return [message for message in mail.outbox if address in message.to]


def link_in_last_email_to(address):
    received = emails_to(address)
    assert received, f"No email was sent to {address}; the outbox holds {len(mail.outbox)}."
    links = LINK.findall(received[-1].body)
    assert links, f"The last email to {address} has no link; it says: {one_line(received[-1].body)}"
    return links[0]
