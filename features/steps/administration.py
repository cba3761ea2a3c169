"""Staff in Django's administration."""

from behave import given, then, when
from django.urls import reverse

from features.support import administration
from features.support.expect import expect_list, expect_page


@given("{who:Person} is on the newsroom's staff")
def step_staff(context, who):
    administration.make_staff(context.people.user(who))


@when('{who:Person} searches the articles in the administration for "{words:Quoted}"')
def step_search(context, who, words):
    administration.search_articles(context.people.act_as(who), words)


@when("{who:Person} lists the drafts in the administration")
def step_list_drafts(context, who):
    administration.list_by_status(context.people.act_as(who), "Draft")


@then("{who:Person} sees these articles listed in the administration:")
def step_articles_listed(context, who):
    driver = context.people.looking(who)
    expect_page(driver, reverse(administration.ARTICLES), "Select article to change", administration.FIRST_COLUMN)
    expect_list(driver, administration.FIRST_COLUMN, [row["title"] for row in context.table], "The list")


@when('{who:Person} chooses to delete the comment "{text:Quoted}" in the administration')
def step_choose_to_delete(context, who, text):
    administration.choose_to_delete_comments(context.people.act_as(who), [text])


@when('{who:Person} deletes the comments "{first:Quoted}" and "{second:Quoted}" in the administration')
def step_delete_comments(context, who, first, second):
    administration.delete_comments(context.people.act_as(who), [first, second])


@when('{who:Person} deletes the comment "{text:Quoted}" from "{title:Quoted}" in the administration')
def step_delete_from_article(context, who, text, title):
    administration.delete_comment_from_article(context.people.act_as(who), title, text)


@then('{who:Person} is asked to confirm deleting {author:Person}\'s comment on "{title:Quoted}", and no other')
def step_asked_to_confirm(context, who, author, title):
    driver = context.people.looking(who)
    expect_page(driver, reverse(administration.COMMENTS), "Delete multiple objects", administration.TO_DELETE)
    # The administration names a comment as the site's models do: by its author's username and article.
    named = f"Comment by {context.people.user(author).username} on {title}"
    # The summary's count, then what is to go.
    expect_list(driver, administration.TO_DELETE, ["Comments: 1", f"Comment: {named}"], "The comments to delete")


@then('{who:Person} is back at the {listing} in the administration, told "{message:Quoted}"')
def step_back_at_list(context, who, listing, message):
    if listing not in administration.LISTS:
        raise ValueError(f"No list of “{listing}” in the administration; there are {', '.join(administration.LISTS)}.")
    name, heading = administration.LISTS[listing]
    driver = context.people.looking(who)
    expect_page(driver, reverse(name), heading, administration.MESSAGES)
    expect_list(driver, administration.MESSAGES, [message], "What the administration tells")
