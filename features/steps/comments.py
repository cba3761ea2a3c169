"""Commenting on articles."""

from behave import then, when

from features.support import tasks
from features.support.expect import expect_heading, expect_text


@when('{who:Person} comments "{text:Text}" on "{title:Quoted}"')
def step_comment(context, who, text, title):
    tasks.comment(context.people.act_as(who), title, text)


@then('{who:Person} sees the comment "{text:Quoted}" by {name} under "{title:Quoted}"')
def step_sees_comment(context, who, text, name, title):
    driver = context.people.act_as(who)
    tasks.open_article(driver, title)
    expect_text(driver, f"{name} wrote: {text}")


@then('"{title:Quoted}" has no comments')
def step_no_comments(context, title):
    driver = context.people.act_as("a visitor")
    tasks.open_article(driver, title)
    expect_heading(driver, title)
    expect_text(driver, "No comments yet.")


@then('{who:Person} are offered "{link:Quoted}" instead of a comment form')
def step_offered_sign_in(context, who, link):
    driver = context.people.looking(who)
    assert driver.has_link(link), f"There is no link “{link}” on {driver.path}."
    assert not driver.has_field("Your comment"), f"A comment form is offered on {driver.path}."
