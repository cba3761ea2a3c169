"""Commenting on articles."""

from behave import given, then, when

from articles.models import Article, Comment
from django_acceptance.sentences import listed
from features.support import drawn, tasks
from features.support.expect import COMMENT, expect_comments, expect_list, expect_page


@when('{who:Person} comments "{text:Text}" on "{title:Quoted}"')
def step_comment(context, who, text, title):
    tasks.comment(context.people.act_as(who), title, text)


@given('{who:Person} has sent the comment "{text:Quoted}" on "{title:Quoted}" without the form')
@when('{who:Person} sends the comment "{text:Quoted}" on "{title:Quoted}" without the form')
def step_send_comment(context, who, text, title):
    tasks.send_without_form(context.people.act_as(who), "comment", title, text)


@when('{who:Person} sends the comment "{text:Quoted}" on "{title:Quoted}" as {other:Person} without the form')
def step_send_comment_as(context, who, text, title, other):
    # The request names another author; the comment must still be the sender's.
    someone_else = context.people.user(other)
    tasks.send_without_form(context.people.act_as(who), "comment", title, text, author=someone_else.pk)


@when('{who:Person} opens a page on another site that comments "{text:Quoted}" on "{title:Quoted}"')
def step_other_site_comments(context, who, text, title):
    tasks.send_from_other_site(context.people.act_as(who), "comment", title, text)


@when('{who:Person} opens a page on another domain that comments "{text:Quoted}" on "{title:Quoted}"')
def step_other_domain_comments(context, who, text, title):
    tasks.send_from_other_domain(context.people.act_as(who), "comment", title, text)


@given('{who:Person} has commented "{text:Quoted}" on "{title:Quoted}"')
def step_has_commented(context, who, text, title):
    Comment.objects.create(article=Article.objects.get(title=title), author=context.people.user(who), body=text)


@then('{who:Person} sees the comment "{text:Quoted}" by {name} under "{title:Quoted}"')
def step_sees_comment(context, who, text, name, title):
    driver = context.people.act_as(who)
    tasks.open_article(driver, title)
    expect_page(driver, tasks.article_address(title), title)
    with driver.within("Comments"):
        shown = driver.texts(COMMENT)
    read = f"the comments read {listed(shown)}" if shown else "there are no comments"
    assert shown.count(f"{name} wrote: {text}") == 1, f"Under “{title}” {read}, not “{name} wrote: {text}” once."


@then('the comments under "{title:Quoted}" read, oldest first:')
def step_comments_read(context, title):
    driver = context.people.act_as("a visitor")
    tasks.open_article(driver, title)
    expect_page(driver, tasks.article_address(title), title)
    expect_comments(driver, [f"{row['by']} wrote: {row['comment']}" for row in context.table])


@then('"{title:Quoted}" has no comments')
def step_has_no_comments(context, title):
    driver = context.people.act_as("a visitor")
    tasks.open_article(driver, title)
    expect_page(driver, tasks.article_address(title), title)
    expect_comments(driver, [])


@when('{who:Person} follows "{link:Quoted}" on "{title:Quoted}"')
def step_follow_link_on(context, who, link, title):
    driver = context.people.act_as(who)
    tasks.open_article(driver, title)
    driver.click_link(link)


@then('{who:Person} is on the page of "{title:Quoted}", with a form to comment')
def step_on_article_to_comment(context, who, title):
    driver = context.people.looking(who)
    expect_page(driver, tasks.article_address(title), title)
    with driver.within("Comments"):
        assert driver.has_field("Your comment"), f"No comment form is offered under the comments on {driver.path}."


@then("{who:Person} is offered no comments and no form to comment")
def step_no_comments_offered(context, who):
    driver = context.people.looking(who)
    expect_list(driver, ".comments", [], f"The comments on {driver.path}")
    assert not driver.has_field("Your comment"), f"A comment form is offered on {driver.path}."


@then('{who:Person} are offered "{link:Quoted}" instead of a comment form')
def step_offered_sign_in(context, who, link):
    driver = context.people.looking(who)
    with driver.within("Comments"):
        assert driver.has_link(link), f"There is no link “{link}” under the comments on {driver.path}."
    assert not driver.has_field("Your comment"), f"A comment form is offered on {driver.path}."


@when('{who:Person} comments on "{title:Quoted}":')
def step_comment_text(context, who, title):
    tasks.comment(context.people.act_as(who), title, context.text)


@then('{who:Person} sees the comment "{first:Quoted}" above "{second:Quoted}" in one comment under "{title:Quoted}"')
def step_comment_lines(context, who, first, second, title):
    driver = context.people.act_as(who)
    tasks.open_article(driver, title)
    drawn.expect_lines(driver, ".comments .comment-body", [first, second])
