from behave import given, then, when


@given("Ada opens the greeting page")
def step_open(context):
    context.driver.visit("/")


@when("she gives her name")
def step_give_name(context):
    context.driver.fill_in("Your name", "Ada")
    context.driver.press("Greet me")


@when("she presses the button without a name")
def step_no_name(context):
    context.driver.press("Greet me")


@then("she is greeted by name on the hello page")
def step_greeted(context):
    assert context.driver.path.startswith("/hello/"), context.driver.path
    assert context.driver.heading == "Hello, Ada!", context.driver.heading


@then("she is asked for her name on the same page")
def step_asked(context):
    assert context.driver.path == "/", context.driver.path
    assert context.driver.has_text("Give your name."), context.driver.text
