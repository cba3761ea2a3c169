"""Tasks in Django's administration, a site nobody here wrote: its pages as Django draws them.

Found as a person finds them: the search box by its label (the lens's alt text), the filter by
the region it sits in, a row's box within that row, the action by its select's label.
"""

from django.contrib.auth.models import Permission
from django.urls import reverse

from articles.models import Comment

ARTICLES = "admin:articles_article_changelist"
COMMENTS = "admin:articles_comment_changelist"
# The list's rows, and what each shows first (an article's title, a comment's text).
ROWS = "#result_list tbody tr"
FIRST_COLUMN = "#result_list tbody tr th"
# What the confirmation page lists: how many of each kind, then each one to go.
TO_DELETE = "#content ul li"
# What the administration tells after an action: Django's admin has messages of its own.
MESSAGES = ".messagelist li"
# Each list staff come back to, by the words of its step: its URL name and its heading.
LISTS = {"articles": (ARTICLES, "Select article to change"), "comments": (COMMENTS, "Select comment to view")}
# What staff may do there: read and change articles, read and delete comments.
STAFF_PERMISSIONS = ["view_article", "change_article", "view_comment", "delete_comment"]


def make_staff(user):
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    user.user_permissions.add(*Permission.objects.filter(codename__in=STAFF_PERMISSIONS))


def search_articles(driver, words):
    driver.visit(reverse(ARTICLES))
    driver.fill_in("Search", words)
    driver.press("Search")


def list_by_status(driver, status):
    driver.visit(reverse(ARTICLES))
    with driver.within("Filter"):
        driver.click_link(status)


def listed(driver):
    """What the list on show holds, first column: the titles of articles, the texts of comments."""
    return driver.texts(FIRST_COLUMN)


def choose_to_delete_comments(driver, texts):
    """Tick each comment's box in the list, choose the action that deletes them, and press Go."""
    driver.visit(reverse(COMMENTS))
    rows = listed(driver)
    for text in texts:
        assert rows.count(text) == 1, f"The comments listed in the administration are {rows}: not “{text}” once."
        with driver.within(f"{ROWS}:nth-child({rows.index(text) + 1})"):
            driver.check("Select this object for an action")
    driver.select("Delete selected comments", "Action")
    driver.press("Go")


def delete_comments(driver, texts):
    choose_to_delete_comments(driver, texts)
    driver.press("Yes, I’m sure")


def delete_comment_from_article(driver, title, text):
    """Tick the comment's Delete box among its article's comments, and save the article."""
    driver.visit(reverse(ARTICLES))
    driver.click_link(title)
    comment = Comment.objects.get(article__title=title, body=text)
    with driver.within("Comments"):
        shown = driver.texts(".original p")
        assert shown.count(str(comment)) == 1, f"The comments of “{title}” are {shown}: not “{comment}” once."
        driver.check(f"comments-{shown.index(str(comment))}-DELETE")
    driver.press("Save")
