"""The cast and who is signed in."""

from behave import given, then

from features.support.expect import expect_named_without_email, expect_told, expect_told_only


@given("{who:Person} is {role:Role}")
def step_is_role(context, who, role):
    person = context.people.resolve(who)
    cast_as = _with_article(person.role)
    assert role == person.role, f"In the cast, {person.name} is {cast_as}, not {_with_article(role)}."
    context.people.user(who)


def _with_article(role):
    return f"{'an' if role[0] in 'aeiou' else 'a'} {role}"


@given('{who:Person} is {role:Role} with the password "{password:Quoted}"')
def step_has_password(context, who, role, password):
    step_is_role(context, who, role)
    context.people.user(who, password=password)


@given('the staff have named {who:Person} "{name:Quoted}"')
def step_named_by_staff(context, who, name):
    # Names are given in the administration only: a person registers with a username alone.
    user = context.people.user(who)
    user.first_name, user.last_name = name, ""
    user.save(update_fields=["first_name", "last_name"])


@given("{who:Person} is signed in")
def step_signed_in(context, who):
    context.people.act_as(who)


@then('{who:Person} is told "{message:Quoted}", and nothing else')
def step_told_only(context, who, message):
    expect_told_only(context.people.looking(who), message)


@then('{who:Person} is told "{message:Quoted}"')
@then('{who:Person} are told "{message:Quoted}"')
def step_told(context, who, message):
    expect_told(context.people.looking(who), message)


@then("{who:Person} sees {whose:Person}'s name there, and her email address nowhere in the page")
def step_named_without_email(context, who, whose):
    driver = context.people.looking(who)
    expect_named_without_email(driver, context.people.resolve(whose))
