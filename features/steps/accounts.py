"""Registering, signing in and out, and resetting a password."""

from importlib import import_module
from urllib.parse import unquote_plus

from behave import given, then, when
from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from django_acceptance.sentences import listed
from features.support import answers, tasks
from features.support.cast import DEFAULT_PASSWORD
from features.support.expect import expect_heading, expect_list, expect_no_text, expect_page, expect_told
from features.support.mailbox import link_in_last_email_to

WRONG_CREDENTIALS = "Please enter a correct username and password."


@when('{who:Person} registers as "{username:Quoted}" with the email "{email:Quoted}"')
def step_register(context, who, username, email):
    driver = context.people.signed_out(who)
    tasks.register(driver, username, email, DEFAULT_PASSWORD, DEFAULT_PASSWORD)


@when(
    '{who:Person} registers as "{username:Quoted}" with the email "{email:Quoted}" '
    'and the passwords "{password:Quoted}" and "{confirmation:Quoted}"'
)
def step_register_with(context, who, username, email, password, confirmation):
    tasks.register(context.people.signed_out(who), username, email, password, confirmation)


@when(
    '{who:Person} registers as "{username:Quoted}" with the email "{email:Quoted}", '
    "asking for staff rights without the form"
)
def step_register_as_staff(context, who, username, email):
    driver = context.people.signed_out(who)
    tasks.register_without_form(driver, username, email, DEFAULT_PASSWORD, is_staff="on", is_superuser="on")


@when('{who:Person} signs in with the password "{password:Quoted}"')
def step_sign_in(context, who, password):
    person = context.people.resolve(who)
    tasks.sign_in(context.people.signed_out(who), person.username, password)


@when('{who:Person} signs in through a link that leads on to "{address:Quoted}"')
def step_sign_in_then_to(context, who, address):
    person = context.people.resolve(who)
    tasks.sign_in(context.people.signed_out(who), person.username, context.people.passwords[person.username], address)


@when("{who:Person} signs out")
def step_sign_out(context, who):
    tasks.sign_out(context.people.act_as(who))
    context.people.signed_in = None


@when("{who:Person} signs in there")
def step_sign_in_here(context, who):
    person = context.people.resolve(who)
    driver = context.people.looking(who)
    expect_heading(driver, "Sign in")
    tasks.sign_in_here(driver, person.username, context.people.passwords[person.username])
    context.people.signed_in = None


@given('{who:Person} has changed her password from "{old:Quoted}" to "{new:Quoted}"')
@when('{who:Person} changes her password from "{old:Quoted}" to "{new:Quoted}"')
def step_change_password(context, who, old, new):
    tasks.change_password(context.people.act_as(who), old, new)


@then('{who:Person} sees her dashboard welcoming her as "{name:Quoted}"')
def step_sees_dashboard(context, who, name):
    driver = context.people.looking(who)
    expect_page(driver, reverse("dashboard"), f"Welcome, {name}", "header .who")
    # The menu says whose session this is, by the username she signs in with.
    username = context.people.resolve(who).username
    expect_list(driver, "header .who", [f"Signed in as {username}"], "The menu")


@then('{who:Person} is on the page headed "{heading:Quoted}", told "{message:Quoted}"')
def step_told_on_page(context, who, heading, message):
    driver = context.people.looking(who)
    expect_heading(driver, heading)
    expect_told(driver, message)


@then("{who:Person} lands on {page}")
def step_lands_on(context, who, page):
    expect_page(context.people.looking(who), tasks.page_address(page))


@then("{who:Person} are asked to sign in")
@then("{who:Person} is asked to sign in")
def step_asked_to_sign_in(context, who):
    driver = context.people.looking(who)
    assert driver.path.startswith(reverse("login")), f"{driver.path} is not the sign-in page."
    expect_heading(driver, "Sign in")


@given("someone has copied her session cookie")
def step_copy_session(context):
    context.copied_session = context.people.driver.session_cookie
    assert context.copied_session, "There is no session cookie to copy: she is not signed in."


@then("the copied cookie no longer opens her dashboard")
def step_copied_session_ended(context):
    expect_session_refused(context.people.driver, context.copied_session, "The copied cookie")


def expect_session_refused(driver, session, whose):
    driver.session_cookie = session
    driver.visit(reverse("dashboard"))
    assert driver.path.startswith(reverse("login")), f"{whose} still opens {driver.path}."


@given("someone has given her browser a session of their own")
def step_plant_session(context):
    # A session the site made and someone knows the key of, put in her browser before she signs in.
    planted = import_module(settings.SESSION_ENGINE).SessionStore()
    planted["known"] = True
    planted.create()
    context.known_session = planted.session_key
    driver = context.people.driver
    driver.visit(reverse("article-list"))
    driver.session_cookie = planted.session_key


@then("their session does not open her dashboard")
def step_known_session_refused(context):
    expect_session_refused(context.people.driver, context.known_session, "The session known before signing in")


@given("{who:Person} is signed in on another browser")
def step_signed_in_elsewhere(context, who):
    elsewhere = Client()
    elsewhere.force_login(context.people.user(who))
    context.other_browser = elsewhere.cookies[settings.SESSION_COOKIE_NAME].value


@when('{who:Person} resets her password to "{password:Quoted}" through the emailed link')
def step_reset_password(context, who, password):
    tasks.reset_password(context.people.signed_out(who), context.people.resolve(who).email, password)


@then("her other browser no longer opens her dashboard")
def step_other_browser_signed_out(context):
    expect_session_refused(context.people.driver, context.other_browser, "The other browser's session")


@when("{who:Person} follows a link to sign out")
def step_follow_sign_out_link(context, who):
    context.people.act_as(who).visit(reverse("logout"))


@when("{who:Person} opens a page on another site that shows an image from the sign-out address")
def step_image_signs_out(context, who):
    context.people.act_as(who).image_from_other_site(reverse("logout"))


@then("{who:Person} is still signed in")
def step_still_signed_in(context, who):
    driver = context.people.looking(who)
    driver.visit(reverse("dashboard"))
    assert driver.path == reverse("dashboard"), f"{who} is signed out: the dashboard led to {driver.path}."


@then("no script on the page can read her session cookie")
def step_cookie_hidden_from_scripts(context):
    readable = context.people.driver.cookies_for_scripts
    read = listed(sorted(readable))
    assert settings.SESSION_COOKIE_NAME not in readable, f"A script on the page reads the cookies {read}."


@then("the newsroom answers as it answers a visitor")
def step_answered_as_visitor(context):
    driver = context.people.driver
    assert driver.has_link("Sign in"), f"The newsroom's answer on {driver.path} knows who sent it: {driver.text}"
    expect_no_text(driver, "Signed in as")


@then("{fields:QuotedList} hide what is typed")
def step_fields_hide_typing(context, fields):
    driver = context.people.driver
    shown = {label: driver.field_type(label) for label in fields}
    kinds = "; ".join(f"“{label}” is a {kind} field" for label, kind in shown.items())
    assert set(shown.values()) == {"password"}, f"Not every field on {driver.path} hides what is typed: {kinds}."


@then('"{label:Quoted}" takes an email address')
def step_takes_email(context, label):
    # An email field: a phone offers the keyboard with "@", and the browser checks the address's form.
    driver = context.people.driver
    assert driver.field_type(label) == "email", f"“{label}” on {driver.path} is a {driver.field_type(label)} field."


@then('the address she is at does not hold "{text:Quoted}"')
def step_address_without(context, text):
    path = context.people.driver.path
    assert text not in unquote_plus(path), f"The address {path} holds “{text}”."


@when('someone tries {count:d} wrong passwords for the username "{username:Quoted}"')
@given('someone has tried {count:d} wrong passwords for the username "{username:Quoted}"')
def step_wrong_passwords(context, count, username):
    tasks.try_wrong_passwords(context.people.signed_out(), username, count)


@when("someone asks for a password reset for {emails:QuotedList}")
@given("someone has asked for a password reset for {emails:QuotedList}")
def step_flood_resets(context, emails):
    driver = context.people.signed_out()
    for email in emails:
        tasks.ask_for_password_reset(driver, email)


@when("{who:Person} opens a page on another site that signs in as {other:Person}")
def step_other_site_signs_in(context, who, other):
    account = context.people.user(other)
    driver = context.people.act_as(who)
    tasks.sign_in_from_other_site(driver, account.username, context.people.passwords[account.username])


@then("{who:Person} is not signed in")
@then("{who:Person} are not signed in")
def step_not_signed_in(context, who):
    driver = context.people.looking(who)
    driver.visit(reverse("dashboard"))
    assert driver.path.startswith(reverse("login")), f"{driver.path} opened without signing in."


@then("{who:Person} cannot open the newsroom's administration")
def step_no_admin(context, who):
    driver = context.people.looking(who)
    driver.visit(reverse("admin:index"))
    assert driver.path.startswith(reverse("admin:login")), f"{who} opened the administration at {driver.path}."


@then('{who:Person} can sign in with "{password:Quoted}"')
@then('{who:Person} can still sign in with "{password:Quoted}"')
def step_can_sign_in(context, who, password):
    person = context.people.resolve(who)
    driver = context.people.signed_out(who)
    tasks.sign_in(driver, person.username, password)
    assert driver.path == reverse("dashboard"), f"Signing in with “{password}” led to {driver.path}: {driver.text}"


@then('{who:Person} can no longer sign in with "{password:Quoted}"')
def step_cannot_sign_in(context, who, password):
    person = context.people.resolve(who)
    driver = context.people.signed_out(who)
    tasks.sign_in(driver, person.username, password)
    expect_told(driver, WRONG_CREDENTIALS)


@then('no account "{username:Quoted}" can sign in with "{password:Quoted}"')
def step_no_account(context, username, password):
    driver = context.people.signed_out("a visitor")
    tasks.sign_in(driver, username, password)
    expect_told(driver, WRONG_CREDENTIALS)


@when('{who:Person} asks for a password reset for "{email:Quoted}"')
def step_ask_reset(context, who, email):
    tasks.ask_for_password_reset(context.people.signed_out(who), email)


@when('{who:Person} follows the link in the email to choose the new password "{password:Quoted}"')
@when('{who:Person} follows the link and chooses "{password:Quoted}" confirmed as "{confirmation:Quoted}"')
def step_follow_and_choose(context, who, password, confirmation=None):
    driver = context.people.signed_out(who)
    driver.visit(link_in_last_email_to(context.people.resolve(who).email))
    tasks.choose_new_password(driver, password, confirmation or password)


@when("{who:Person} follows the link in the email")
def step_follow_link(context, who):
    driver = context.people.signed_out(who)
    driver.visit(link_in_last_email_to(context.people.resolve(who).email))


@given("{who:Person} has been sent a password reset link")
def step_sent_reset_link(context, who):
    form = PasswordResetForm({"email": context.people.user(who).email})
    assert form.is_valid(), form.errors
    form.save(domain_override=context.people.driver.host)


@given("{who:Person} has reset her password through the emailed link")
def step_has_reset(context, who):
    user = context.people.user(who)
    context.reset_link = _reset_link(context, who)
    # Changing the password is what spends the link: its token is made from the password hash.
    user.set_password("Another-Lantern-55")
    user.save()


@when("{who:Person} follows the link in her reset email")
def step_follow_reset_link(context, who):
    context.people.signed_out(who).visit(link_in_last_email_to(context.people.resolve(who).email))


@when("{who:Person} follows the same link again")
def step_follow_again(context, who):
    context.people.signed_out(who).visit(context.reset_link)


def _reset_link(context, who):
    user = context.people.user(who)
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return f"http://{context.people.driver.host}{path}"


@given(
    '{who:Person} has registered as "{username:Quoted}" with the email "{email:Quoted}" '
    'and the password "{password:Quoted}"'
)
def step_has_registered(context, who, username, email, password):
    # Through the site's own form: what registering stores is what the scenario is about.
    tasks.register(context.people.signed_out(who), username, email, password, password)
    # Once the site has answered: the welcome email was read then; what the scenario looks at comes after.
    context.people.looking(who)
    context.people.signed_out(who)
    mail.outbox.clear()


@then("her browser is told to keep her signed in for {days:d} days, closed or not")
def step_session_lasts(context, days):
    lifetime = answers.session_lifetime(context.people.driver)
    assert lifetime is not None, "Her browser is told to keep her signed in only until it closes."
    # A minute either way: the time between the answer and this look.
    assert abs(lifetime - days * 24 * 3600) < 60, (
        f"Her browser is told to keep her signed in for {lifetime / 86400:.2f} days."
    )
