"""Writing, publishing, editing and reading articles."""

from datetime import datetime, timedelta

import parse
from behave import given, register_type, then, when
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from articles import services
from articles.models import Article
from django_acceptance import sentences
from features.support import tasks
from features.support.expect import (
    TOLD,
    expect_heading,
    expect_list,
    expect_no_text,
    expect_not_found,
    expect_page,
    expect_text,
    expect_told,
)

SOME_TEXT = "Stalls, music and the duck race return to the green."
FRONT_PAGE_TITLES, FRONT_PAGE_BYLINES = ".article-list > li h2", ".article-list > li .byline"
FRONT_PAGE_BEGINNINGS = ".article-list > li > p:not(.byline)"
DASHBOARD_ROWS = ".my-articles tbody tr"
DRAFTS_WAITING = ".drafts-waiting p"
# What an article's page offers its reader to do with it, in the page's order.
ACTIONS = ".actions button, .actions a"


def today():
    return date_format(timezone.localdate(), "j F Y")


@parse.with_pattern(r"published today|published on \d{1,2} [A-Z][a-z]+ \d{4}|a draft")
def parse_when(text):
    """How an article's byline ends: its publishing date, or that it is a draft."""
    if text == "a draft":
        return " Draft"
    return ", " + (today() if text == "published today" else text.removeprefix("published on "))


@parse.with_pattern(r"\d{1,2} [A-Z][a-z]+ \d{4}")
def parse_date(text):
    """ "2 March 2026" -> that day, at noon in the site's time zone."""
    return timezone.make_aware(datetime.strptime(text, "%d %B %Y").replace(hour=12))


register_type(When=parse_when, Date=parse_date)


def expect_on_front_page(driver, reading=FRONT_PAGE_TITLES):
    driver.visit(reverse("article-list"))
    expect_page(driver, "/", "Latest news", reading)


def expect_not_listed(driver, title):
    expect_on_front_page(driver)
    assert title not in driver.texts(FRONT_PAGE_TITLES), f"“{title}” is listed on the front page."
    expect_no_text(driver, title)


def expect_cannot_open(driver, title, pages=("detail",)):
    for page in pages:
        tasks.follow_link_to(driver, page, title)
        expect_not_found(driver)
        expect_no_text(driver, title)


def expect_dashboard(driver, who):
    driver.visit(reverse("dashboard"))
    expect_page(driver, reverse("dashboard"), f"Welcome, {who.full_name}", DASHBOARD_ROWS)


def dashboard_of(context, who):
    """The driver on this person's own dashboard, signed in as them."""
    driver = context.people.act_as(who)
    expect_dashboard(driver, context.people.resolve(who))
    return driver


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


@given('{who:Person} has published "{title:Quoted}" that says:')
def step_has_published_text(context, who, title):
    services.write_article(context.people.user(who), title, context.text, Article.Status.PUBLISHED)


@given('{who:Person} published "{title:Quoted}" on {day:Date}')
@given('{who:Person} published "{title:Quoted}" on {day:Date}, saying "{text:Quoted}"')
def step_published_on(context, who, title, day, text=SOME_TEXT):
    article = services.write_article(context.people.user(who), title, text, Article.Status.PUBLISHED)
    Article.objects.filter(pk=article.pk).update(published_at=day)


@given("the newsroom has these articles:")
def step_these_articles(context):
    for row in context.table:
        status = Article.Status.DRAFT if row["status"] == "Draft" else Article.Status.PUBLISHED
        services.write_article(context.people.user(row["author"]), row["title"], SOME_TEXT, status)


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


@when("{who:Person} follows a link to {what}")
def step_follow_link_to(context, who, what):
    context.people.act_as(who).visit(tasks.form_to(what)[0])


@when('{who:Person} opens a page on another site that publishes "{title:Quoted}"')
def step_other_site_publishes(context, who, title):
    tasks.send_from_other_site(context.people.act_as(who), "publish", title)


@when('{who:Person} opens a page on another site that changes the text of "{title:Quoted}" to "{text:Quoted}"')
def step_other_site_changes(context, who, title, text):
    tasks.send_from_other_site(context.people.act_as(who), "update", title, text)


@when("{who:Person} opens a page on another site that shows {page} in a frame")
def step_other_site_frames(context, who, page):
    context.framed_text = tasks.framed_by_other_site(context.people.act_as(who), page)


@then("{who:Person} sees nothing of the newsroom inside the page on another site")
def step_not_framed(context, who):
    # Every page of the newsroom carries its masthead.
    assert "Newsroom" not in context.framed_text, f"The page on another site shows the newsroom: {context.framed_text}"


@when("{who:Person} opens a page on another site that sends the form to {what}")
def step_other_site_sends(context, who, what):
    context.people.act_as(who).send_from_other_site(*tasks.form_to(what))


@when('{who:Person} opens a page on another site that deletes "{title:Quoted}"')
def step_other_site_deletes(context, who, title):
    tasks.send_from_other_site(context.people.act_as(who), "delete", title)


@when('{who:Person} changes the text of "{title:Quoted}" to "{text:Quoted}"')
def step_change_text(context, who, title, text):
    tasks.change_text(context.people.act_as(who), title, text)


@when('{who:Person} changes the title of "{title:Quoted}" to "{new_title:Quoted}"')
def step_change_title(context, who, title, new_title):
    tasks.change_title(context.people.act_as(who), title, new_title)


@when('{who:Person} deletes "{title:Quoted}"')
def step_delete(context, who, title):
    tasks.delete(context.people.act_as(who), title)


@when('{who:Person} starts to delete "{title:Quoted}" and cancels')
def step_cancel_deleting(context, who, title):
    tasks.start_then_cancel(context.people.act_as(who), title, "Delete")


@when('{who:Person} starts to edit "{title:Quoted}" and cancels')
def step_cancel_editing(context, who, title):
    tasks.start_then_cancel(context.people.act_as(who), title, "Edit")


@when('{who:Person} opens "{title:Quoted}"')
def step_open(context, who, title):
    tasks.open_article(context.people.act_as(who), title)


@when('{who:Person} reads "{title:Quoted}"')
def step_read(context, who, title):
    tasks.read_from_front_page(context.people.act_as(who), title)


@when("{who:Person} opens her dashboard")
@when("{who:Person} opens his dashboard")
def step_open_dashboard(context, who):
    context.people.act_as(who).visit(reverse("dashboard"))


@when("{who:Person} starts to write an article")
def step_start_writing(context, who):
    context.people.act_as(who).visit(reverse("article-create"))


@then('{who:Person} sees "{title:Quoted}" on the front page')
def step_on_front_page(context, who, title):
    driver = context.people.act_as(who)
    expect_on_front_page(driver)
    listed = driver.texts(FRONT_PAGE_TITLES)
    assert listed.count(title) == 1, f"The front page lists “{title}” {listed.count(title)} times: {listed}"


@then("the front page lists, newest first:")
def step_front_page_lists(context):
    driver = context.people.act_as("a visitor")
    expect_on_front_page(driver)
    expect_list(driver, FRONT_PAGE_TITLES, [row["title"] for row in context.table], "The front page's list")
    bylines = [row["byline"].replace("today", today()) for row in context.table]
    expect_list(driver, FRONT_PAGE_BYLINES, bylines, "The front page's bylines")


@then('{who:Person} sees the front page list nothing, told "{message:Quoted}"')
def step_front_page_empty(context, who, message):
    driver = context.people.act_as(who)
    expect_on_front_page(driver)
    expect_list(driver, FRONT_PAGE_TITLES, [], "The front page's list")
    expect_told(driver, message)


@then('the front page shows "{title:Quoted}" beginning "{beginning:Quoted}"')
def step_front_page_beginning(context, title, beginning):
    driver = context.people.act_as("a visitor")
    expect_on_front_page(driver)
    shown = dict(zip(driver.texts(FRONT_PAGE_TITLES), driver.texts(FRONT_PAGE_BEGINNINGS), strict=True))
    assert title in shown, f"The front page does not list “{title}”: it lists {list(shown)}."
    assert shown[title] == beginning, f"The front page shows “{title}” beginning “{shown[title]}”, not “{beginning}”."


@then("{who:Person} is offered no other page of the front page")
def step_no_other_pages(context, who):
    driver = context.people.looking(who)
    expect_page(driver, "/", "Latest news", "main nav")
    expect_list(driver, "main nav", [], "The front page's navigation to other pages")


@then('{who:Person} does not see "{title:Quoted}" on the front page')
def step_not_on_front_page(context, who, title):
    expect_not_listed(context.people.act_as(who), title)


@then('{who:Person} cannot open "{title:Quoted}"')
def step_cannot_open(context, who, title):
    # Nor its pages for editing and deleting: a "Not allowed" there would tell her it exists.
    expect_cannot_open(context.people.act_as(who), title, pages=("detail", "update", "delete"))


@then('nobody can open "{address:Quoted}" any more')
def step_gone(context, address):
    driver = context.people.act_as("a visitor")
    driver.visit(address)
    expect_not_found(driver)


@then("{who:Person} finds no article there")
def step_no_article_there(context, who):
    # What the address of an article that does not exist answers: a draft must not be told apart from it.
    expect_not_found(context.people.looking(who))


@then('{who:Person} reads "{text:Quoted}" in "{title:Quoted}"')
@then('{who:Person} still reads "{text:Quoted}" in "{title:Quoted}"')
def step_reads(context, who, title, text):
    driver = context.people.act_as(who)
    tasks.open_article(driver, title)
    expect_page(driver, tasks.article_address(title), title, ".article-body")
    expect_list(driver, ".article-body", [text], f"The text of “{title}”")


@then('{who:Person} reads "{title:Quoted}" at "{address:Quoted}", by {name}, {when:When}, saying "{text:Quoted}"')
def step_reads_whole(context, who, title, address, name, when, text):
    driver = context.people.act_as(who)
    driver.visit(address)
    expect_page(driver, address, title, ".byline")
    expect_list(driver, ".byline", [f"By {name}{when}"], "The byline")
    expect_list(driver, ".article-body", [text], f"The text of “{title}”")


@then('{who:Person} is on the page of "{title:Quoted}", told "{message:Quoted}"')
def step_told_on_article(context, who, title, message):
    driver = context.people.looking(who)
    expect_page(driver, tasks.article_address(title), title, TOLD)
    expect_told(driver, message)


@then('{who:Person} is on the page of "{title:Quoted}"')
def step_on_article(context, who, title):
    expect_page(context.people.looking(who), tasks.article_address(title), title)


@then("{who:Person} is on her dashboard")
def step_on_dashboard(context, who):
    expect_page(context.people.looking(who), reverse("dashboard"), f"Welcome, {context.people.resolve(who).full_name}")


@then('{who:Person} is on her dashboard, told "{message:Quoted}"')
def step_told_on_dashboard(context, who, message):
    driver = context.people.looking(who)
    expect_page(driver, reverse("dashboard"), f"Welcome, {context.people.resolve(who).full_name}", TOLD)
    expect_told(driver, message)


@then("{who:Person} sees on her dashboard:")
def step_dashboard_lists(context, who):
    driver = dashboard_of(context, who)
    rows = [f"{row['title']} {row['status']}" for row in context.table]
    expect_list(driver, DASHBOARD_ROWS, rows, "Her list of articles")


@then('{who:Person} sees no articles on her dashboard, told "{message:Quoted}"')
def step_dashboard_empty(context, who, message):
    driver = dashboard_of(context, who)
    expect_list(driver, DASHBOARD_ROWS, [], "Her list of articles")
    expect_list(driver, "main > section:not(.drafts-waiting) > p", [message], "Her articles' part of the dashboard")


@then("{who:Person} sees the drafts waiting to be published:")
def step_drafts_waiting(context, who):
    driver = dashboard_of(context, who)
    rows = [f"{row['title']} by {row['by']}" for row in context.table]
    expect_list(driver, DRAFTS_WAITING, rows, "The drafts waiting to be published")


@then("{who:Person} is shown no drafts waiting to be published")
def step_no_drafts_waiting(context, who):
    driver = dashboard_of(context, who)
    expect_list(driver, ".drafts-waiting", [], "The drafts waiting to be published")
    expect_no_text(driver, "Drafts waiting")


@then("{who:Person} sees a title of {length:d} characters")
def step_title_length(context, who, length):
    driver = context.people.looking(who)
    assert len(driver.heading) == length, f"The title on {driver.path} has {len(driver.heading)} characters."


@then('{who:Person} sees "{title:Quoted}" as a draft on her dashboard')
@then('{who:Person} still sees "{title:Quoted}" as a draft on her dashboard')
def step_draft_on_dashboard(context, who, title):
    driver = dashboard_of(context, who)
    rows = [row for row in driver.texts(DASHBOARD_ROWS) if row.startswith(f"{title} ")]
    assert rows == [f"{title} Draft"], f"Her dashboard lists “{title}” as {rows}, not once as a draft."


@then('{who:Person} does not see "{title:Quoted}" on her dashboard')
def step_not_on_dashboard(context, who, title):
    driver = dashboard_of(context, who)
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
    expect_cannot_open(driver, title)


@then('{who:Person} reads "{text:Quoted}" at "{address:Quoted}"')
def step_reads_at(context, who, text, address):
    driver = context.people.act_as(who)
    driver.visit(address)
    expect_text(driver, text)


@then('{who:Person} sees "{newest:Quoted}" to "{oldest:Quoted}" on the front page, newest first')
def step_front_page_order(context, who, newest, oldest):
    driver = context.people.act_as(who)
    expect_on_front_page(driver)
    expect_list(driver, FRONT_PAGE_TITLES, numbered_titles(newest, oldest), "The front page's list")


@then('{who:Person} finds "{title:Quoted}" on the next page')
def step_on_next_page(context, who, title):
    driver = context.people.looking(who)
    driver.click_link("Older")
    expect_page(driver, "/?page=2", "Latest news", FRONT_PAGE_TITLES)
    expect_list(driver, FRONT_PAGE_TITLES, [title], "The next page's list")
    expect_list(driver, "main nav a", ["Newer"], "The next page's links to other pages")


@then('its "Newer" leads back to the first page, "{first:Quoted}" first')
def step_back_to_first_page(context, first):
    driver = context.people.driver
    driver.settle()
    driver.click_link("Newer")
    expect_page(driver, "/?page=1", "Latest news", FRONT_PAGE_TITLES)
    listed = driver.texts(FRONT_PAGE_TITLES)
    assert listed[:1] == [first], f"The first page lists {sentences.listed(listed)}, not “{first}” first."
    expect_list(driver, "main nav a", ["Older"], "The first page's links to other pages")


@then('{who:Person} is asked whether to delete "{title:Quoted}"')
def step_asked_to_delete(context, who, title):
    expect_heading(context.people.looking(who), f"Delete “{title}”?")


@then("{who:Person} is offered {actions:QuotedList}, and nothing else")
def step_offered_actions(context, who, actions):
    driver = context.people.looking(who)
    expect_list(driver, ACTIONS, actions, f"What {who} is offered on “{driver.heading}”")


@then('{who:Person} is back on the page of "{title:Quoted}"')
def step_back_on_article(context, who, title):
    expect_page(context.people.looking(who), tasks.article_address(title), title)


@then('{who:Person} reads "{title:Quoted}" in these paragraphs:')
def step_reads_paragraphs(context, who, title):
    driver = context.people.act_as(who)
    tasks.open_article(driver, title)
    expect_page(driver, tasks.article_address(title), title, ".article-body p")
    paragraphs = [row["paragraph"] for row in context.table]
    expect_list(driver, ".article-body p", paragraphs, f"The paragraphs of “{title}”")


@then("{who:Person} is not offered to edit or delete it")
def step_not_offered_changes(context, who):
    driver = context.people.act_as(who)
    offered = [link for link in ("Edit", "Delete") if driver.has_link(link)]
    assert not offered, f"{who} is offered {' and '.join(offered)} on {driver.path}."


@when('{who:Person} sends the text "{text:Quoted}" for "{title:Quoted}" without the form, with the fields it lacks')
def step_send_text_with_more(context, who, text, title):
    # What an article has beside its words: who wrote it, whether and when it is published, its address.
    driver = context.people.act_as(who)
    other = context.people.user("Eddie")
    context.people.resolve(who)  # "she" still means the sender, not Eddie
    more = {"author": other.pk, "status": "published", "published_at": "2020-01-01 12:00", "slug": "lost-cat"}
    tasks.send_without_form(driver, "update", title, text, **more)


@when('{who:Person} opens the address of "{title:Quoted}" without its last slash')
def step_open_without_slash(context, who, title):
    context.people.act_as(who).visit(tasks.address_to("detail", title).rstrip("/"))
