"""The people of the naive baseline (`-D naive=true`, scripts/bench.py): the suite's cast, made the same way.

Only the machinery differs: each person signs in through the form, and since behave-django's
stock live server cannot tell when the site has answered, the run waits for the page an action
led to before it looks up or makes an account, as a plain suite's explicit wait would. Without
that wait, "she" who has just registered through the form is looked up before the site has
saved her, and made again from the cast (with the cast's full name, not the one she gave).
"""

from features.support import tasks
from features.support.cast import DEFAULT_PASSWORD, People


class NaivePeople(People):
    def __init__(self, driver):
        super().__init__(driver, sign_in=_sign_in_through_form)

    def user(self, who, password=DEFAULT_PASSWORD):
        self.driver.settle()
        return super().user(who, password)


def _sign_in_through_form(driver, user, password):
    tasks.sign_in(driver, user.username, password)
