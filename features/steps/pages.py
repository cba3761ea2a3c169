"""The site's pages as a person meets them: opened by an address typed by hand, read whole."""

from behave import then, when

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
