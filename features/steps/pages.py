"""The site's pages as a person meets them: opened by an address typed by hand, read whole, and what
every page tells the browser beyond what it shows (who may frame, reach or keep it)."""

from behave import then, when

from features.support import answers
from features.support.expect import CONTENT, expect_list, expect_not_found


@when('{who:Person} opens the address "{address:Quoted}"')
def step_open_address(context, who, address):
    context.people.act_as(who).visit(address)


@then("{who:Person} finds nothing at {addresses:QuotedList}")
def step_nothing_at(context, who, addresses):
    driver = context.people.act_as(who)
    for address in addresses:
        driver.visit(address)
        expect_not_found(driver)


@then("{who:Person} sees a page that reads, and nothing else:")
def step_page_reads(context, who):
    driver = context.people.looking(who)
    expect_list(driver, CONTENT, [row["line"] for row in context.table], f"What {driver.path} shows")


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
