"""Every form of the site sent twice: as a double click sends it, or pressed and then refreshed.

Each step is the form's own task with its press sent twice (features/support/repeats.py).
"""

import parse
from behave import register_type, when

from features.support import tasks
from features.support.cast import DEFAULT_PASSWORD
from features.support.mailbox import link_in_last_email_to
from features.support.repeats import DOUBLE_CLICK, REFRESH, SentTwice

SOME_TEXT = "Stalls, music and the duck race return to the green."


@parse.with_pattern(f"{DOUBLE_CLICK}|{REFRESH}")
def parse_twice(text):
    return text


register_type(Twice=parse_twice)


def twice(context, who, how):
    return SentTwice(context.people.act_as(who), how)


@when('{who:Person} writes and publishes an article called "{title:Quoted}" {how:Twice}')
def step_write_twice(context, who, title, how):
    tasks.write_article(twice(context, who, how), title, SOME_TEXT, publish=True)


@when('{who:Person} comments "{text:Quoted}" on "{title:Quoted}" {how:Twice}')
def step_comment_twice(context, who, text, title, how):
    tasks.comment(twice(context, who, how), title, text)


@when('{who:Person} changes the text of "{title:Quoted}" to "{text:Quoted}" {how:Twice}')
def step_change_text_twice(context, who, title, text, how):
    tasks.change_text(twice(context, who, how), title, text)


@when('{who:Person} deletes "{title:Quoted}" {how:Twice}')
def step_delete_twice(context, who, title, how):
    tasks.delete(twice(context, who, how), title)


@when('{who:Person} publishes "{title:Quoted}" {how:Twice}')
def step_publish_twice(context, who, title, how):
    tasks.publish(twice(context, who, how), title)


@when('{who:Person} registers as "{username:Quoted}" with the email "{email:Quoted}" {how:Twice}')
def step_register_twice(context, who, username, email, how):
    driver = SentTwice(context.people.signed_out(who), how)
    tasks.register(driver, username, email, DEFAULT_PASSWORD, DEFAULT_PASSWORD)


@when('{who:Person} signs in with the password "{password:Quoted}" {how:Twice}')
def step_sign_in_twice(context, who, password, how):
    person = context.people.resolve(who)
    tasks.sign_in(SentTwice(context.people.signed_out(who), how), person.username, password)


@when("{who:Person} signs out {how:Twice}")
def step_sign_out_twice(context, who, how):
    tasks.sign_out(twice(context, who, how))
    context.people.signed_in = None


@when('{who:Person} asks for a password reset for "{email:Quoted}" {how:Twice}')
def step_ask_reset_twice(context, who, email, how):
    tasks.ask_for_password_reset(SentTwice(context.people.signed_out(who), how), email)


@when('{who:Person} follows the link in the email to choose the new password "{password:Quoted}" {how:Twice}')
def step_choose_password_twice(context, who, password, how):
    driver = SentTwice(context.people.signed_out(who), how)
    driver.visit(link_in_last_email_to(context.people.resolve(who).email))
    tasks.choose_new_password(driver, password, password)


@when('{who:Person} changes her password from "{old:Quoted}" to "{new:Quoted}" {how:Twice}')
def step_change_password_twice(context, who, old, new, how):
    tasks.change_password(twice(context, who, how), old, new)
