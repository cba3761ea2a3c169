"""Registering, signing in and out, and resetting a password."""

from behave import given, then, when
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from features.support import tasks
from features.support.cast import DEFAULT_PASSWORD
from features.support.expect import expect_heading, expect_text
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


@then('{who:Person} sees her dashboard welcoming her as "{name:Quoted}"')
def step_sees_dashboard(context, who, name):
    driver = context.people.looking(who)
    assert driver.path == reverse("dashboard"), f"{who} is on {driver.path}, not on her dashboard."
    expect_heading(driver, f"Welcome, {name}")


@then("{who:Person} are asked to sign in")
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
    driver = context.people.driver
    driver.session_cookie = context.copied_session
    driver.visit(reverse("dashboard"))
    assert driver.path.startswith(reverse("login")), f"The copied cookie still opens {driver.path}."


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
    expect_text(driver, WRONG_CREDENTIALS)


@then('no account "{username:Quoted}" can sign in with "{password:Quoted}"')
def step_no_account(context, username, password):
    driver = context.people.signed_out("a visitor")
    tasks.sign_in(driver, username, password)
    expect_text(driver, WRONG_CREDENTIALS)


@when('{who:Person} asks for a password reset for "{email:Quoted}"')
def step_ask_reset(context, who, email):
    tasks.ask_for_password_reset(context.people.signed_out(who), email)


@when('{who:Person} follows the link in the email to choose the new password "{password:Quoted}"')
@when('{who:Person} follows the link and chooses "{password:Quoted}" confirmed as "{confirmation:Quoted}"')
def step_follow_and_choose(context, who, password, confirmation=None):
    driver = context.people.signed_out(who)
    driver.visit(link_in_last_email_to(context.people.resolve(who).email))
    tasks.choose_new_password(driver, password, confirmation or password)


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
