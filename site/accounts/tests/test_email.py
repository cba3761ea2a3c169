import re

from django.contrib.auth.models import User
from django.core import mail
from django.http import HttpRequest
from django.test import TestCase
from django.urls import reverse
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode

from articles.tests.helpers import PASSWORD, make_cast

NEW_PASSWORD = "harbour-lights-at-dusk"
RESET_LINK = re.compile(r"/reset/(?P<uidb64>[\w-]+)/(?P<token>[\w-]+)/")


class WelcomeEmailTests(TestCase):
    def register(self):
        self.client.post(
            reverse("register"),
            {
                "username": "newsreader",
                "email": "reader@example.com",
                "password1": NEW_PASSWORD,
                "password2": NEW_PASSWORD,
            },
        )

    def test_registration_sends_one_welcome_email(self):
        self.register()
        self.assertEqual(len(mail.outbox), 1)
        email = mail.outbox[0]
        self.assertEqual(email.subject, "Welcome to Our Site!")
        self.assertEqual(email.to, ["reader@example.com"])
        self.assertIn("newsreader", email.body)

    def test_the_welcome_email_links_to_the_sign_in_page_of_the_site(self):
        self.register()
        body = mail.outbox[0].body
        self.assertIn("http://testserver/login/", body)
        self.assertNotIn(NEW_PASSWORD, body)


class PasswordResetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_cast(cls)

    def ask_for_reset(self, email):
        return self.client.post(reverse("password_reset"), {"email": email})

    def reset_link(self):
        """The link in the one email sent, as a path."""
        self.assertEqual(len(mail.outbox), 1)
        match = RESET_LINK.search(mail.outbox[0].body)
        self.assertIsNotNone(match, mail.outbox[0].body)
        return match

    def set_new_password(self, link):
        """Follow the link, then choose a new password where Django's redirect leads."""
        response = self.client.get(link, follow=True)
        set_password_url = response.redirect_chain[-1][0]
        self.assertContains(response, "Choose a new password")
        return self.client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    def test_the_email_has_a_reset_link_for_the_account(self):
        response = self.ask_for_reset("alice@example.com")
        self.assertRedirects(response, reverse("password_reset_done"))
        self.assertEqual(mail.outbox[0].to, ["alice@example.com"])
        uid = force_str(urlsafe_base64_decode(self.reset_link()["uidb64"]))
        self.assertEqual(uid, str(self.alice.pk))

    def test_an_unknown_address_gets_the_same_page_and_no_email(self):
        response = self.ask_for_reset("nobody@example.com")
        self.assertRedirects(response, reverse("password_reset_done"))
        self.assertEqual(mail.outbox, [])

    def test_the_link_sets_a_new_password(self):
        self.ask_for_reset("alice@example.com")
        response = self.set_new_password(self.reset_link().group())
        self.assertRedirects(response, reverse("password_reset_complete"))
        self.assertTrue(self.client.login(request=HttpRequest(), username="alice", password=NEW_PASSWORD))
        self.assertFalse(self.client.login(request=HttpRequest(), username="alice", password=PASSWORD))

    def test_a_used_link_no_longer_works(self):
        self.ask_for_reset("alice@example.com")
        link = self.reset_link().group()
        self.set_new_password(link)
        self.client.logout()

        response = self.client.get(link, follow=True)
        self.assertContains(response, "This link no longer works")
        self.assertNotContains(response, "new_password1")
        self.assertTrue(User.objects.get(pk=self.alice.pk).check_password(NEW_PASSWORD))
