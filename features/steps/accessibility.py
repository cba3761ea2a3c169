"""Using the site with the keyboard alone, and what a screen reader announces (in a real browser only)."""

import parse
from behave import register_type, then, when
from django.urls import reverse

from features.support import announced, drawn, keyboard_tasks, tasks
from features.support.cast import DEFAULT_PASSWORD
from features.support.expect import expect_heading
from features.support.mailbox import link_in_last_email_to

# The site's pages by what people call them (tasks.PAGES), and the pages to edit or delete an article.
# Neither "her dashboard" nor an article's title alone: "opens her dashboard" and 'opens "Spring fair"'
# have steps of their own, which this one would take over.
PAGES = [page for page in tasks.PAGES if "dashboard" not in page] + [
    'the page to (?:edit|delete) "[^"]+"',
    'the address that (?:publishes|takes comments on) "[^"]+"',
]


@parse.with_pattern("|".join(PAGES))
def parse_page(text):
    return text


register_type(Page=parse_page)


@when("{who:Person} opens {page:Page}")
def step_open_page(context, who, page):
    context.people.act_as(who).visit(tasks.page_address(page))


# With the keyboard alone


@when("{who:Person} skips to the content of the front page")
def step_skip_to_content(context, who):
    keyboard_tasks.skip_to_content(context.people.act_as(who), reverse("article-list"))


@then('{who:Person} reach "{name:Quoted}" with the next Tab')
def step_next_tab(context, who, name):
    announced.expect_next_tab(context.people.looking(who), name)


@when('{who:Person} reads "{title:Quoted}" using the keyboard alone')
def step_read_by_keyboard(context, who, title):
    keyboard_tasks.read_from_front_page(context.people.act_as(who), title)


@then('{who:Person} is reading "{title:Quoted}"')
def step_reading(context, who, title):
    expect_heading(context.people.looking(who), title)


@when('{who:Person} writes and publishes an article called "{title:Quoted}" using the keyboard alone')
def step_write_by_keyboard(context, who, title):
    keyboard_tasks.write_article(context.people.act_as(who), title, "Stalls open at ten.", publish=True)


@when('{who:Person} comments "{text:Quoted}" on "{title:Quoted}" using the keyboard alone')
def step_comment_by_keyboard(context, who, text, title):
    keyboard_tasks.comment(context.people.act_as(who), title, text)


@when('{who:Person} registers as "{username:Quoted}" with the email "{email:Quoted}" using the keyboard alone')
def step_register_by_keyboard(context, who, username, email):
    keyboard_tasks.register(context.people.signed_out(who), username, email, DEFAULT_PASSWORD)


@when('{who:Person} signs in with the password "{password:Quoted}" using the keyboard alone')
def step_sign_in_by_keyboard(context, who, password):
    person = context.people.resolve(who)
    keyboard_tasks.sign_in(context.people.signed_out(who), person.username, password)


@when('{who:Person} asks for a password reset for "{email:Quoted}" using the keyboard alone')
def step_ask_reset_by_keyboard(context, who, email):
    keyboard_tasks.ask_for_password_reset(context.people.signed_out(who), email)


@when(
    '{who:Person} follows the link in the email to choose the new password "{password:Quoted}" using the keyboard alone'
)
def step_choose_password_by_keyboard(context, who, password):
    link = link_in_last_email_to(context.people.resolve(who).email)
    keyboard_tasks.choose_new_password(context.people.signed_out(who), link, password)


# What a screen reader announces, on the page in front of the last person named


@then('a screen reader announces the page as "{title:Quoted}", headed "{heading:Quoted}"')
def step_announces_page(context, title, heading):
    announced.expect_page(context.people.driver, title, heading)


@then("a screen reader announces every field and button on it by its name")
def step_every_control_named(context):
    announced.expect_every_control_named(context.people.driver)


@then('a screen reader announces "{text:Quoted}" with the field "{name:Quoted}"')
def step_announces_with_field(context, text, name):
    announced.expect_described(context.people.driver, name, text)


@then('a screen reader announces the field "{name:Quoted}" as invalid, with "{error:Quoted}"')
def step_announces_invalid(context, name, error):
    announced.expect_invalid(context.people.driver, name, error)


@then('a screen reader announces "{message:Quoted}" as soon as the page opens')
def step_announces_alert(context, message):
    announced.expect_alert(context.people.driver, message)


@then('a screen reader announces the choices {choices:QuotedList} as the group "{name:Quoted}", with "{text:Quoted}"')
def step_announces_group(context, choices, name, text):
    announced.expect_group(context.people.driver, name, choices, text)


@then("a screen reader finds the navigations {names:QuotedList}")
def step_finds_navigations(context, names):
    announced.expect_navigations(context.people.driver, names)


@then("every field, link and button on it shows a ring when the keyboard reaches it")
def step_focus_rings(context):
    drawn.expect_focus_rings(context.people.driver)


@then("the keyboard reaches its fields, links and buttons in the order they are drawn")
def step_tab_order(context):
    drawn.expect_tab_order_as_drawn(context.people.driver)
