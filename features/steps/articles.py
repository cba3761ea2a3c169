"""Writing, publishing, editing and reading articles."""

from datetime import timedelta

from behave import given, then, when
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from articles import services
from articles.models import Article
from features.support import tasks
from features.support.expect import expect_heading, expect_no_text, expect_text, one_line

SOME_TEXT = "Stalls, music and the duck race return to the green."
NOT_FOUND = "There is nothing here. The page may have moved, or it may not be published yet."


def expect_not_listed(driver, title):
    driver.visit(reverse("article-list"))
    expect_heading(driver, "Latest news")
    expect_no_text(driver, title)


def expect_not_found(driver, title, pages=("detail",)):
    for page in pages:
        tasks.follow_link_to(driver, page, title)
        expect_heading(driver, "Page not found")
        expect_no_text(driver, title)


def numbered_titles(first, last):
    """ "Day 1" to "Day 3" -> ["Day 1", "Day 2", "Day 3"]; counting down when first > last."""
    word, start = first.rsplit(" ", 1)
    end = int(last.rsplit(" ", 1)[1])
    step = 1 if end >= int(start) else -1
    return [f"{word} {n}" for n in range(int(start), end + step, step)]


@given('{who:Person} has written a draft called "{title:Quoted}"')
@given('{who:Person} has written a draft called "{title:Quoted}" that says "{text:Quoted}"')
def step_has_draft(context, who, title, text=SOME_TEXT):
    services.write_article(context.people.user(who), title, text, Article.Status.DRAFT)


@given('{who:Person} has published "{title:Quoted}"')
@given('{who:Person} has published "{title:Quoted}" that says "{text:Quoted}"')
def step_has_published(context, who, title, text=SOME_TEXT):
    services.write_article(context.people.user(who), title, text, Article.Status.PUBLISHED)


@given('{who:Person} has published {count:d} articles, "{first:Quoted}" to "{last:Quoted}", one a day')
def step_has_published_many(context, who, count, first, last):
    author = context.people.user(who)
    for day, title in enumerate(numbered_titles(first, last), start=1):
        article = services.write_article(author, title, SOME_TEXT, Article.Status.PUBLISHED)
        # Publishing dates a day apart, the last the newest, without waiting for days to pass.
        Article.objects.filter(pk=article.pk).update(published_at=timezone.now() - timedelta(days=count - day))


@when('{who:Person} writes a draft called "{title:Quoted}"')
def step_write_draft(context, who, title):
    tasks.write_article(context.people.act_as(who), title, SOME_TEXT, publish=False)


@when("{who:Person} writes a draft with a title {length:d} characters long")
def step_write_long_title(context, who, length):
    title = ("Spring fair on the green, " * (length // 20 + 1))[:length].replace(" ", "_")
    tasks.write_article(context.people.act_as(who), title, SOME_TEXT, publish=False)


@when('{who:Person} writes and publishes an article called "{title:Quoted}"')
@when('{who:Person} writes and publishes an article called "{title:Quoted}" that says "{text:Quoted}"')
def step_write_and_publish(context, who, title, text=SOME_TEXT):
    tasks.write_article(context.people.act_as(who), title, text, publish=True)


@when('{who:Person} publishes "{title:Quoted}"')
def step_publish(context, who, title):
    tasks.publish(context.people.act_as(who), title)


@when('{who:Person} tries to publish "{title:Quoted}"')
def step_try_to_publish(context, who, title):
    tasks.send_without_form(context.people.act_as(who), "publish", title)


@when('{who:Person} sends a draft called "{title:Quoted}" as {other:Person} without the form')
def step_send_draft_as(context, who, title, other):
    # The request names another author; the article must still be the sender's.
    someone_else = context.people.user(other)
    tasks.send_without_form(context.people.act_as(who), "create", title, SOME_TEXT, author=someone_else.pk)


@when('{who:Person} sends the text "{text:Quoted}" for "{title:Quoted}" without the form')
def step_send_text(context, who, text, title):
    tasks.send_without_form(context.people.act_as(who), "update", title, text)


@when('{who:Person} sends a request to delete "{title:Quoted}" without the form')
def step_send_deletion(context, who, title):
    tasks.send_without_form(context.people.act_as(who), "delete", title)


@when('{who:Person} follows a link to {action:FormAction} "{title:Quoted}"')
def step_follow_link_to(context, who, action, title):
    tasks.follow_link_to(context.people.act_as(who), action, title)


@when('{who:Person} opens a page on another site that publishes "{title:Quoted}"')
def step_other_site_publishes(context, who, title):
    tasks.send_from_other_site(context.people.act_as(who), "publish", title)


@when('{who:Person} opens a page on another site that changes the text of "{title:Quoted}" to "{text:Quoted}"')
def step_other_site_changes(context, who, title, text):
    tasks.send_from_other_site(context.people.act_as(who), "update", title, text)


@when('{who:Person} opens a page on another site that shows "{title:Quoted}" in a frame')
def step_other_site_frames(context, who, title):
    context.framed_text = tasks.framed_by_other_site(context.people.act_as(who), title)


@then('{who:Person} does not see "{title:Quoted}" inside the page on another site')
def step_not_framed(context, who, title):
    assert title not in context.framed_text, f"The page on another site shows the newsroom: {context.framed_text}"


@when('{who:Person} opens a page on another site that deletes "{title:Quoted}"')
def step_other_site_deletes(context, who, title):
    tasks.send_from_other_site(context.people.act_as(who), "delete", title)


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


@when("{who:Person} opens her dashboard")
def step_open_dashboard(context, who):
    context.people.act_as(who).visit(reverse("dashboard"))


@when("{who:Person} starts to write an article")
def step_start_writing(context, who):
    context.people.act_as(who).visit(reverse("article-create"))


@then('{who:Person} sees "{title:Quoted}" on the front page')
def step_on_front_page(context, who, title):
    driver = context.people.act_as(who)
    driver.visit(reverse("article-list"))
    assert driver.has_link(title), f"“{title}” is not listed on the front page, which says: {one_line(driver.text)}"


@then('{who:Person} does not see "{title:Quoted}" on the front page')
def step_not_on_front_page(context, who, title):
    expect_not_listed(context.people.act_as(who), title)


@then('{who:Person} cannot open "{title:Quoted}"')
def step_cannot_open(context, who, title):
    # Nor its pages for editing and deleting: a "Not allowed" there would tell her it exists.
    expect_not_found(context.people.act_as(who), title, pages=("detail", "update", "delete"))


@then("{who:Person} finds no article there")
def step_no_article_there(context, who):
    # What the address of an article that does not exist answers: a draft must not be told apart from it.
    driver = context.people.looking(who)
    expect_heading(driver, "Page not found")
    expect_text(driver, NOT_FOUND)


@then('{who:Person} reads "{text:Quoted}" in "{title:Quoted}"')
@then('{who:Person} still reads "{text:Quoted}" in "{title:Quoted}"')
def step_reads(context, who, title, text):
    driver = context.people.act_as(who)
    tasks.open_article(driver, title)
    expect_heading(driver, title)
    expect_text(driver, text)


@then("{who:Person} sees a title of {length:d} characters")
def step_title_length(context, who, length):
    driver = context.people.looking(who)
    assert len(driver.heading) == length, f"The title on {driver.path} has {len(driver.heading)} characters."


@then('{who:Person} sees that "{title:Quoted}" was published today')
def step_published_today(context, who, title):
    driver = context.people.act_as(who)
    tasks.open_article(driver, title)
    expect_text(driver, f", {date_format(timezone.localdate(), 'j F Y')}")


@then('{who:Person} sees "{title:Quoted}" as a draft on her dashboard')
@then('{who:Person} still sees "{title:Quoted}" as a draft on her dashboard')
def step_draft_on_dashboard(context, who, title):
    driver = context.people.act_as(who)
    driver.visit(reverse("dashboard"))
    expect_text(driver, f"{title} Draft")


@then('{who:Person} does not see "{title:Quoted}" on her dashboard')
@then('{who:Person} no longer sees "{title:Quoted}" on her dashboard')
def step_not_on_dashboard(context, who, title):
    driver = context.people.act_as(who)
    driver.visit(reverse("dashboard"))
    expect_heading(driver, f"Welcome, {context.people.resolve(who).full_name}")
    expect_no_text(driver, title)


@then('readers can read "{title:Quoted}"')
def step_readers_can_read(context, title):
    driver = context.people.act_as("a visitor")
    tasks.read_from_front_page(driver, title)
    expect_heading(driver, title)


@then('readers cannot read "{title:Quoted}"')
def step_readers_cannot_read(context, title):
    driver = context.people.act_as("a visitor")
    expect_not_listed(driver, title)
    expect_not_found(driver, title)


@then('{who:Person} reads "{text:Quoted}" at "{address:Quoted}"')
def step_reads_at(context, who, text, address):
    driver = context.people.act_as(who)
    driver.visit(address)
    expect_text(driver, text)


@then('{who:Person} sees "{newest:Quoted}" to "{oldest:Quoted}" on the front page, newest first')
def step_front_page_order(context, who, newest, oldest):
    driver = context.people.act_as(who)
    driver.visit(reverse("article-list"))
    expected = numbered_titles(newest, oldest)
    listed = driver.headings(2)
    assert listed == expected, f"The front page lists {listed}, not {expected}."


@then('{who:Person} finds "{title:Quoted}" on the next page')
def step_on_next_page(context, who, title):
    driver = context.people.looking(who)
    driver.click_link("Older")
    assert driver.has_link(title), f"“{title}” is not on {driver.path}, which says: {one_line(driver.text)}"


@then('{who:Person} is asked whether to delete "{title:Quoted}"')
def step_asked_to_delete(context, who, title):
    expect_heading(context.people.looking(who), f"Delete “{title}”?")


@then("{who:Person} is not offered to publish it again")
def step_not_offered_publishing(context, who):
    driver = context.people.looking(who)
    assert not driver.has_button("Publish"), f"{driver.path} still offers to publish."


@then("{who:Person} is not offered to edit or delete it")
def step_not_offered_changes(context, who):
    driver = context.people.act_as(who)
    offered = [link for link in ("Edit", "Delete") if driver.has_link(link)]
    assert not offered, f"{who} is offered {' and '.join(offered)} on {driver.path}."
