"""What people do on the site, in the words of the site's pages, for any driver.

A task knows the page's labels and buttons; a step knows only the task.
"""

from urllib.parse import urlencode

from django.urls import reverse

from articles.models import Article
from features.support.mailbox import link_in_last_email_to


def article_address(title):
    """An article's address, as someone who was sent its link would have it."""
    return Article.objects.get(title=title).get_absolute_url()


def write_article(driver, title, body, publish):
    driver.visit(reverse("article-create"))
    driver.fill_in("Title", title)
    driver.fill_in("Text", body)
    driver.choose("Published" if publish else "Draft")
    driver.press("Save")


def open_from_dashboard(driver, title):
    driver.visit(reverse("dashboard"))
    driver.click_link(title)


def read_from_front_page(driver, title):
    driver.visit(reverse("article-list"))
    driver.click_link(title)


def open_article(driver, title):
    driver.visit(article_address(title))


def address_to(action, title):
    """The address of an article's page ("detail") or of the form that publishes, changes, deletes or comments on it."""
    article = Article.objects.get(title=title)
    if action in ("publish", "comment"):
        name, key = ("article-publish", "pk") if action == "publish" else ("comment-create", "article_pk")
        return reverse(name, kwargs={key: article.pk})
    return reverse(f"article-{action}", kwargs={"slug": article.slug})


def article_form(action, title, text=None):
    """What a form of the site sends to act on an article: its address and its fields."""
    if action == "create":
        return reverse("article-create"), {"title": title, "body": text, "status": Article.Status.DRAFT}
    fields = {"update": {"title": title, "body": text}, "comment": {"body": text}}.get(action, {})
    return address_to(action, title), fields


def publish(driver, title):
    open_from_dashboard(driver, title)
    driver.press("Publish")


def send_without_form(driver, action, title, text=None, **more):
    """Send what a form would, by hand, where no page of this person's offers it; `more` adds fields.

    The request carries the person's session and the site's CSRF token, which the
    sign-in page hands out to everyone: only the site's rules can refuse it.
    """
    address, fields = article_form(action, title, text)
    post_by_hand(driver, address, {**fields, **more})


def post_by_hand(driver, address, fields):
    driver.visit(reverse("login"))
    driver.send_post(address, fields)


def send_from_other_site(driver, action, title, text=None):
    """Open a page on another site that sends this form of the newsroom while the person is signed in."""
    driver.send_from_other_site(*article_form(action, title, text))


def framed_by_other_site(driver, page):
    """What shows of a page of the site inside a frame of a page on another site."""
    return driver.text_framed_by_other_site(page_address(page))


# The site's pages by what people call them; an article's pages by its title in quotes.
PAGES = {
    "the front page": "article-list",
    "the sign-in page": "login",
    "the registration page": "register",
    "the password reset page": "password_reset",
    "the page to write an article": "article-create",
    "her dashboard": "dashboard",
    "his dashboard": "dashboard",
    "the page to change her password": "password_change",
    "the page that says her password is changed": "password_change_done",
    "the page that says a reset email is on its way": "password_reset_done",
    "the page that says a new password is set": "password_reset_complete",
    "the address that signs her out": "logout",
}
ARTICLE_PAGES = {
    "": "detail",
    "the page to edit ": "update",
    "the page to delete ": "delete",
    "the address that publishes ": "publish",
    "the address that takes comments on ": "comment",
}


def page_address(page):
    """ "the front page" -> "/"; '"Spring fair"' -> its address; 'the page to edit "Spring fair"' -> that."""
    if page in PAGES:
        return reverse(PAGES[page])
    before, quote, rest = page.partition('"')
    if quote and rest.endswith('"') and before in ARTICLE_PAGES:
        return address_to(ARTICLE_PAGES[before], rest[:-1])
    raise AssertionError(f"No page called {page}: name one of {', '.join(PAGES)}, or an article's title in quotes.")


# The forms of the site that act for a person, by what they do, and what each sends.
FORMS = {
    "write an article called": lambda title: article_form("create", title, "Cheap watches at watches.example"),
    "register as": lambda name: (
        reverse("register"),
        {"username": name, "email": f"{name}@example.com", "password1": FORM_PASSWORD, "password2": FORM_PASSWORD},
    ),
    "ask for a password reset for": lambda email: (reverse("password_reset"), {"email": email}),
    "sign out": lambda: (reverse("logout"), {}),
    "comment on": lambda title: article_form("comment", title, "Cheap watches at watches.example"),
    "publish": lambda title: article_form("publish", title),
    "delete": lambda title: article_form("delete", title),
}
FORM_PASSWORD = "Tulip-Garden-42"


def form_to(what):
    """'register as "nina"' -> the address and the fields that the registration form sends."""
    before, quote, rest = what.partition(' "')
    if quote and rest.endswith('"') and before in FORMS:
        return FORMS[before](rest[:-1])
    if what in FORMS:
        return FORMS[what]()
    raise AssertionError(f"No form to {what}: name one of {', '.join(FORMS)} (with what it is for, in quotes).")


def follow_link_to(driver, action, title):
    """Open the address of a form's action as a link would, without sending the form."""
    driver.visit(address_to(action, title))


def change_text(driver, title, text):
    open_from_dashboard(driver, title)
    driver.click_link("Edit")
    driver.fill_in("Text", text)
    driver.press("Save changes")


def change_title(driver, title, new_title):
    open_from_dashboard(driver, title)
    driver.click_link("Edit")
    driver.fill_in("Title", new_title)
    driver.press("Save changes")


def delete(driver, title):
    open_from_dashboard(driver, title)
    driver.click_link("Delete")
    driver.press("Delete")


def start_then_cancel(driver, title, action):
    """Open the page to edit ("Edit") or delete ("Delete") an article from its page, and cancel."""
    open_from_dashboard(driver, title)
    driver.click_link(action)
    driver.click_link("Cancel")


def change_password(driver, old, new):
    driver.visit(reverse("dashboard"))
    driver.click_link("Change your password")
    driver.fill_in("Old password", old)
    driver.fill_in("New password", new)
    driver.fill_in("New password confirmation", new)
    driver.press("Change my password")


def comment(driver, title, text):
    read_from_front_page(driver, title)
    with driver.within("Comments"):
        driver.fill_in("Your comment", text)
        driver.press("Add comment")


def register_without_form(driver, username, email, password, **more):
    """Register by hand, sending `more` fields than the form has."""
    fields = {"username": username, "email": email, "password1": password, "password2": password}
    post_by_hand(driver, reverse("register"), {**fields, **more})


def register(driver, username, email, password, confirmation):
    driver.visit(reverse("register"))
    driver.fill_in("Username", username)
    driver.fill_in("Email", email)
    driver.fill_in("Password", password)
    driver.fill_in("Password confirmation", confirmation)
    driver.press("Register")


def sign_in(driver, username, password, then_to=None):
    """Sign in through the form; `then_to` is where the link to the sign-in page says to go next."""
    driver.visit(reverse("login") + (f"?{urlencode({'next': then_to})}" if then_to else ""))
    sign_in_here(driver, username, password)


def sign_in_here(driver, username, password):
    """Sign in through the sign-in page on show, reached from a link of the site."""
    driver.fill_in("Username", username)
    driver.fill_in("Password", password)
    driver.press("Sign in")


def sign_in_from_other_site(driver, username, password):
    """Open a page on another site that sends the sign-in form with these details."""
    driver.send_from_other_site(reverse("login"), {"username": username, "password": password})


def sign_out(driver):
    driver.visit(reverse("article-list"))
    driver.press("Sign out")


def ask_for_password_reset(driver, email):
    driver.visit(reverse("password_reset"))
    driver.fill_in("Email", email)
    driver.press("Send me the link")


def choose_new_password(driver, password, confirmation):
    driver.fill_in("New password", password)
    driver.fill_in("New password confirmation", confirmation)
    driver.press("Change my password")


def try_wrong_passwords(driver, username, count):
    """Sign in `count` times with passwords that are all wrong, as someone guessing would."""
    for attempt in range(1, count + 1):
        sign_in(driver, username, f"Wrong-Guess-{attempt}")


def reset_password(driver, email, password):
    """Ask for a reset link, follow the one emailed to `email` and choose `password`."""
    ask_for_password_reset(driver, email)
    driver.settle()  # the email is sent by the time the site answers the form
    driver.visit(link_in_last_email_to(email))
    choose_new_password(driver, password, password)


def send_from_other_domain(driver, action, title, text=None):
    """Open a page on another domain that sends this form of the newsroom while the person is signed in."""
    driver.send_from_other_site(*article_form(action, title, text), cross_site=True)
