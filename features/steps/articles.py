"""Writing, publishing, editing and reading articles."""

from behave import given, then, when
from django.urls import reverse

from articles import services
from articles.models import Article
from features.support import tasks
from features.support.expect import expect_heading, expect_no_text, expect_text

SOME_TEXT = "Stalls, music and the duck race return to the green."


@given('{who:Person} has written a draft called "{title:Quoted}"')
def step_has_draft(context, who, title):
    services.write_article(context.people.user(who), title, SOME_TEXT, Article.Status.DRAFT)


@given('{who:Person} has written a draft called "{title:Quoted}" that says "{text:Quoted}"')
def step_has_draft_saying(context, who, title, text):
    services.write_article(context.people.user(who), title, text, Article.Status.DRAFT)


@given('{who:Person} has published "{title:Quoted}"')
def step_has_published(context, who, title):
    services.write_article(context.people.user(who), title, SOME_TEXT, Article.Status.PUBLISHED)


@when('{who:Person} writes a draft called "{title:Quoted}"')
def step_write_draft(context, who, title):
    tasks.write_article(context.people.act_as(who), title, SOME_TEXT, publish=False)


@when('{who:Person} writes and publishes an article called "{title:Quoted}"')
def step_write_and_publish(context, who, title):
    tasks.write_article(context.people.act_as(who), title, SOME_TEXT, publish=True)


@when('{who:Person} publishes "{title:Quoted}"')
def step_publish(context, who, title):
    tasks.publish(context.people.act_as(who), title)


@when('{who:Person} tries to publish "{title:Quoted}"')
def step_try_to_publish(context, who, title):
    tasks.send_publish_request(context.people.act_as(who), title)


@when('{who:Person} changes the text of "{title:Quoted}" to "{text:Quoted}"')
def step_change_text(context, who, title, text):
    tasks.change_text(context.people.act_as(who), title, text)


@when('{who:Person} deletes "{title:Quoted}"')
def step_delete(context, who, title):
    tasks.delete(context.people.act_as(who), title)


@when('{who:Person} opens "{title:Quoted}"')
def step_open(context, who, title):
    tasks.open_article(context.people.act_as(who), title)


@when('{who:Person} reads "{title:Quoted}"')
def step_read(context, who, title):
    tasks.read_from_front_page(context.people.act_as(who), title)


@when("{who:Person} starts to write an article")
def step_start_writing(context, who):
    context.people.act_as(who).visit(reverse("article-create"))


@then('{who:Person} sees "{title:Quoted}" on the front page')
def step_on_front_page(context, who, title):
    driver = context.people.act_as(who)
    driver.visit(reverse("article-list"))
    assert driver.has_link(title), f"“{title}” is not listed on the front page:\n{driver.text}"


@then('{who:Person} does not see "{title:Quoted}" on the front page')
def step_not_on_front_page(context, who, title):
    driver = context.people.act_as(who)
    driver.visit(reverse("article-list"))
    expect_heading(driver, "Latest news")
    expect_no_text(driver, title)


@then('{who:Person} cannot open "{title:Quoted}"')
def step_cannot_open(context, who, title):
    driver = context.people.act_as(who)
    tasks.open_article(driver, title)
    expect_heading(driver, "Page not found")
    expect_no_text(driver, title)


@then('{who:Person} reads "{text:Quoted}" in "{title:Quoted}"')
def step_reads(context, who, title, text):
    driver = context.people.act_as(who)
    tasks.open_article(driver, title)
    expect_heading(driver, title)
    expect_text(driver, text)


@then('{who:Person} still sees "{title:Quoted}" as a draft on her dashboard')
def step_draft_on_dashboard(context, who, title):
    driver = context.people.act_as(who)
    driver.visit(reverse("dashboard"))
    expect_text(driver, f"{title} Draft")


@then('{who:Person} no longer sees "{title:Quoted}" on her dashboard')
def step_not_on_dashboard(context, who, title):
    driver = context.people.act_as(who)
    driver.visit(reverse("dashboard"))
    expect_heading(driver, f"Welcome, {context.people.resolve(who).full_name}")
    expect_no_text(driver, title)


@then("{who:Person} is not offered to edit or delete it")
def step_not_offered_changes(context, who):
    driver = context.people.act_as(who)
    offered = [link for link in ("Edit", "Delete") if driver.has_link(link)]
    assert not offered, f"{who} is offered {' and '.join(offered)} on {driver.path}."
