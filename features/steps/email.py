"""Email that people receive."""

from behave import then
from django.core import mail

from features.support.expect import one_line
from features.support.mailbox import emails_to


@then('"{address:Quoted}" receives one email, "{subject:Quoted}"')
def step_receives_one(context, address, subject):
    received = emails_to(address)
    assert [m.subject for m in received] == [subject], (
        f"{address} received {[m.subject for m in received]}, not just “{subject}”."
    )
    context.email = received[0]


@then('the email greets her as "{name:Quoted}"')
def step_greets(context, name):
    body = context.email.body
    assert f"Hello {name}," in body, f"The email does not greet {name}; it says: {one_line(body)}"


@then("no email is sent")
def step_no_email(context):
    assert not mail.outbox, f"Email was sent: {[(m.subject, m.to) for m in mail.outbox]}"


@then('"{address:Quoted}" receives {count:d} emails, each "{subject:Quoted}"')
def step_receives_several(context, address, count, subject):
    received = [m.subject for m in emails_to(address)]
    assert received == [subject] * count, f"{address} received {received}, not {count} times “{subject}”."


@then('the email does not hold "{text:Quoted}"')
def step_email_without(context, text):
    assert text not in context.email.body, f"The email holds “{text}”:\n{context.email.body}"
