from bs4 import BeautifulSoup
from django.contrib.auth.models import User
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from articles.tests.helpers import PASSWORD, make_article, make_cast, make_person

GOOD_PASSWORD = "harbour-lights-at-dusk"


class RegistrationTests(TestCase):
    def register(self, **changes):
        data = {
            "username": "newsreader",
            "email": "reader@example.com",
            "password1": GOOD_PASSWORD,
            "password2": GOOD_PASSWORD,
        }
        return self.client.post(reverse("register"), {**data, **changes})

    def test_a_new_person_is_signed_in_and_sent_to_the_dashboard(self):
        response = self.register()
        self.assertRedirects(response, reverse("dashboard"))
        user = User.objects.get(username="newsreader")
        self.assertEqual(user.email, "reader@example.com")
        self.assertEqual(int(self.client.session["_auth_user_id"]), user.pk)
        self.assertContains(self.client.get(reverse("dashboard")), "Welcome, newsreader")

    def test_invalid_input_shows_the_form_again_with_errors(self):
        make_person("alice", email="alice@example.com")
        cases = {
            "no email": {"email": ""},
            "email in use": {"email": "ALICE@example.com"},
            "weak password": {"password1": "password", "password2": "password"},
            "passwords differ": {"password2": "something-else-entirely"},
        }
        for case, changes in cases.items():
            with self.subTest(case):
                response = self.register(**changes)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "<h1>Register</h1>", html=True)
                self.assertTrue(response.context["form"].errors)
                self.assertContains(response, 'class="errors"')
                self.assertFalse(User.objects.filter(username="newsreader").exists())
                self.assertEqual(mail.outbox, [])
                self.assertNotIn("_auth_user_id", self.client.session)


class LoginTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_cast(cls)

    def test_the_login_page_has_username_password_and_a_submit_button(self):
        response = self.client.get("/login/")
        soup = BeautifulSoup(response.content, "html.parser")
        form = soup.select_one("main form[method=post]")
        self.assertIsNotNone(form.select_one("input[name=username]"))
        self.assertIsNotNone(form.select_one("input[name=password][type=password]"))
        self.assertIsNotNone(form.select_one("button[type=submit]"))

    def test_signing_in_leads_to_the_dashboard(self):
        response = self.client.post("/login/", {"username": "alice", "password": PASSWORD})
        self.assertRedirects(response, "/dashboard/")

    def test_a_wrong_password_is_refused(self):
        response = self.client.post("/login/", {"username": "alice", "password": "wrong"})
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("_auth_user_id", self.client.session)


class DashboardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_cast(cls)
        make_article(cls.alice, "Spring fair", published=True)
        make_article(cls.alice, "Harbour interview")
        make_article(cls.rita, "Rita's notes")

    def rows(self, response):
        soup = BeautifulSoup(response.content, "html.parser")
        return {
            row.a.get_text(strip=True): row.select_one(".status").get_text(strip=True)
            for row in soup.select("table.my-articles tbody tr")
        }

    def test_welcomes_the_person_by_name(self):
        self.client.force_login(self.alice)
        self.assertContains(self.client.get("/dashboard/"), "Welcome, Alice Author")

    def test_lists_her_own_articles_with_their_status(self):
        self.client.force_login(self.alice)
        response = self.client.get("/dashboard/")
        self.assertEqual(self.rows(response), {"Spring fair": "Published", "Harbour interview": "Draft"})

    def test_editors_see_drafts_waiting_to_be_published(self):
        self.client.force_login(self.eddie)
        response = self.client.get("/dashboard/")
        self.assertContains(response, "Drafts waiting to be published")
        self.assertContains(response, "Harbour interview")
        self.assertContains(response, "Rita&#x27;s notes")

    def test_others_do_not_see_waiting_drafts(self):
        self.client.force_login(self.rita)
        response = self.client.get("/dashboard/")
        self.assertNotContains(response, "Drafts waiting to be published")
        self.assertNotContains(response, "Harbour interview")

    def test_anonymous_visitors_are_sent_to_sign_in(self):
        self.assertRedirects(self.client.get("/dashboard/"), "/login/?next=/dashboard/")


class LogoutTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_cast(cls)

    def test_signing_out_is_a_post(self):
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get(reverse("logout")).status_code, 405)
        self.assertIn("_auth_user_id", self.client.session)
        self.assertLess(self.client.post(reverse("logout")).status_code, 400)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_a_link_to_sign_out_says_it_takes_only_the_form(self):
        self.client.force_login(self.alice)
        response = self.client.get(reverse("logout"))
        self.assertContains(response, "Nothing was changed.", status_code=405)
        self.assertEqual(response["Allow"], "POST, OPTIONS")
