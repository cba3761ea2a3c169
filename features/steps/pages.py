"""What every page tells the browser beyond what it shows: who may frame, reach or keep it."""

from behave import then

from features.support import answers


@then("the browser is told to keep the page from other sites")
def step_kept_from_other_sites(context):
    driver = context.people.driver
    missing = answers.not_kept_from_other_sites(driver)
    assert not missing, f"{driver.path} does not tell the browser that {'; that '.join(missing)}."


@then("no cache shares the page between people")
def step_not_shared(context):
    driver = context.people.driver
    directives, by_cookie, said = answers.caching(driver)
    kept_apart = by_cookie or {"private", "no-store"} & directives
    assert kept_apart and "public" not in directives, (
        f"A cache between {driver.path} and its readers may give one person's copy to another: "
        f"Cache-Control: {said.get('cache-control', 'not sent')}, Vary: {said.get('vary', 'not sent')}."
    )


@then("no cache keeps the page at all")
def step_not_kept(context):
    driver = context.people.driver
    directives, _, said = answers.caching(driver)
    assert "no-store" in directives and "public" not in directives, (
        f"A cache may keep {driver.path}: Cache-Control: {said.get('cache-control', 'not sent')}."
    )
