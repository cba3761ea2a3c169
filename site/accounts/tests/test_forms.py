from django.test import TestCase

from accounts.forms import RegistrationForm
from articles.tests.helpers import make_person

GOOD_PASSWORD = "harbour-lights-at-dusk"


def registration(**changes):
    data = {
        "username": "newsreader",
        "email": "reader@example.com",
        "password1": GOOD_PASSWORD,
        "password2": GOOD_PASSWORD,
    }
    return RegistrationForm({**data, **changes})


class RegistrationFormTests(TestCase):
    def test_accepts_a_username_email_and_good_password(self):
        form = registration()
        self.assertTrue(form.is_valid(), form.errors)

    def test_email_is_required(self):
        form = registration(email="")
        self.assertFalse(form.is_valid())
        self.assertIn("email", form.errors)

    def test_email_must_be_an_address(self):
        self.assertIn("email", registration(email="not-an-address").errors)

    def test_an_email_address_has_one_account_whatever_its_case(self):
        make_person("alice", email="alice@example.com")
        for email in ["alice@example.com", "Alice@Example.COM"]:
            with self.subTest(email=email):
                form = registration(email=email)
                self.assertEqual(form.errors["email"], ["An account with this email address already exists."])

    def test_weak_passwords_are_refused(self):
        """Django's password validators apply: short, common, numeric or like the username."""
        for password in ["Xy7#q", "password123", "8675309412", "newsreader1"]:
            with self.subTest(password=password):
                form = registration(password1=password, password2=password)
                self.assertFalse(form.is_valid())
                self.assertIn("password2", form.errors)

    def test_the_two_passwords_must_match(self):
        form = registration(password2=GOOD_PASSWORD + "!")
        self.assertIn("password2", form.errors)
