"""The same rule on every form, address and page it applies to: addresses opened as typed,
edits sent with fields the form lacks, refusing pages read whole, and what only a browser draws."""

from behave import given, then, when
from django.core import mail

from features.support import drawn, tasks
from features.support.expect import CONTENT, expect_list, expect_not_found


@given(
    '{who:Person} has registered as "{username:Quoted}" with the email "{email:Quoted}" '
    'and the password "{password:Quoted}"'
)
def step_has_registered(context, who, username, email, password):
    # Through the site's own form: what registering stores is what the scenario is about.
    tasks.register(context.people.signed_out(who), username, email, password, password)
    context.people.signed_out(who)
    # The welcome email was read then: what the scenario looks at is what comes after.
    mail.outbox.clear()


@when('{who:Person} opens the address "{address:Quoted}"')
def step_open_address(context, who, address):
    context.people.act_as(who).visit(address)


@when('{who:Person} sends the text "{text:Quoted}" for "{title:Quoted}" without the form, with the fields it lacks')
def step_send_text_with_more(context, who, text, title):
    # What an article has beside its words: who wrote it, whether and when it is published, its address.
    driver = context.people.act_as(who)
    other = context.people.user("Eddie")
    context.people.resolve(who)  # "she" still means the sender, not Eddie
    more = {"author": other.pk, "status": "published", "published_at": "2020-01-01 12:00", "slug": "lost-cat"}
    tasks.send_without_form(driver, "update", title, text, **more)


@when('{who:Person} comments on "{title:Quoted}":')
def step_comment_text(context, who, title):
    tasks.comment(context.people.act_as(who), title, context.text)


@then("{who:Person} finds nothing at {addresses:QuotedList}")
def step_nothing_at(context, who, addresses):
    driver = context.people.act_as(who)
    for address in addresses:
        driver.visit(address)
        expect_not_found(driver)


@then("{who:Person} sees a page that reads, and nothing else:")
def step_page_reads(context, who):
    driver = context.people.looking(who)
    expect_list(driver, CONTENT, [row["line"] for row in context.table], f"What {driver.path} shows")


@then("every field, link and button on it shows a ring when the keyboard reaches it")
def step_focus_rings(context):
    drawn.expect_focus_rings(context.people.driver)


@then("the keyboard reaches its fields, links and buttons in the order they are drawn")
def step_tab_order(context):
    drawn.expect_tab_order_as_drawn(context.people.driver)


@then('{who:Person} sees the comment "{first:Quoted}" above "{second:Quoted}" in one comment under "{title:Quoted}"')
def step_comment_lines(context, who, first, second, title):
    driver = context.people.act_as(who)
    tasks.open_article(driver, title)
    drawn.expect_lines(driver, ".comments .comment-body", [first, second])
