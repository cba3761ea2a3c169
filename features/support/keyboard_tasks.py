"""What people do on the site with the keyboard alone: Tab to a field, type, Enter to submit.

The same journeys as tasks.py, in the words of the same pages, but every field and
link is reached by pressing Tab from the top of the page, as a person without a
mouse reaches it. Opening a page by its address stays a visit: that is the address bar.
"""

from django.urls import reverse

SKIP_LINK = "Skip to the content"


def skip_to_content(driver, path):
    """The first Tab on a page reaches the skip link; Enter on it moves the focus past the menu."""
    driver.visit(path)
    keys = driver.keyboard
    focused = keys.tab()
    if focused != SKIP_LINK:
        raise AssertionError(f"The first Tab on {driver.path} reaches “{focused}”, not the link “{SKIP_LINK}”.")
    keys.press_enter(leaves_page=False)


def read_from_front_page(driver, title):
    driver.visit(reverse("article-list"))
    driver.keyboard.tab_to(title)
    driver.keyboard.press_enter()


def write_article(driver, title, body, publish):
    driver.visit(reverse("article-create"))
    keys = driver.keyboard
    keys.tab_to("Title")
    keys.type(title)
    keys.tab_to("Text")
    keys.type(body)
    keys.choose("Published" if publish else "Draft")
    keys.tab_to("Save")
    keys.press_enter()


def comment(driver, title, text):
    read_from_front_page(driver, title)
    keys = driver.keyboard
    keys.tab_to("Your comment")
    keys.type(text)
    keys.tab_to("Add comment")
    keys.press_enter()


def register(driver, username, email, password):
    driver.visit(reverse("register"))
    keys = driver.keyboard
    for label, value in (
        ("Username", username),
        ("Email", email),
        ("Password", password),
        ("Password confirmation", password),
    ):
        keys.tab_to(label)
        keys.type(value)
    keys.press_enter()


def sign_in(driver, username, password):
    driver.visit(reverse("login"))
    keys = driver.keyboard
    keys.tab_to("Username")
    keys.type(username)
    keys.tab_to("Password")
    keys.type(password)
    keys.press_enter()


def ask_for_password_reset(driver, email):
    driver.visit(reverse("password_reset"))
    driver.keyboard.tab_to("Email")
    driver.keyboard.type(email)
    driver.keyboard.press_enter()


def choose_new_password(driver, link, password):
    driver.visit(link)
    keys = driver.keyboard
    keys.tab_to("New password")
    keys.type(password)
    keys.tab_to("New password confirmation")
    keys.type(password)
    keys.press_enter()
