import os
import subprocess
import sys

import icu
from django.conf import settings
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client, SimpleTestCase, TestCase
from django.urls import reverse

from accounts.forms import RegistrationForm
from accounts.lookalikes import email_key, username_key
from articles.tests.helpers import PASSWORD, make_cast, make_person

LOCKED = "Too many wrong passwords for this username"


def registration(username="nina", email="nina@example.com"):
    password = "harbour-lights-at-dusk"
    return RegistrationForm({"username": username, "email": email, "password1": password, "password2": password})


class LookAlikeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_person("rita", email="rita@example.com")

    def test_an_address_in_other_forms_of_its_letters_is_taken(self):
        for email in ["rita@exａmple.com", "RITA@EXAMPLE.COM", "rita@ＥＸＡＭＰＬＥ.com"]:
            with self.subTest(email=email):
                self.assertEqual(
                    registration(email=email).errors["email"], ["An account with this email address already exists."]
                )

    def test_a_username_that_looks_the_same_is_taken(self):
        # A Cyrillic і, capitals, full-width letters: each reads as "rita".
        for username in ["rіta", "RITA", "ｒｉｔａ"]:
            with self.subTest(username=username):
                self.assertEqual(
                    registration(username=username).errors["username"], ["A user with that username already exists."]
                )

    def test_names_that_look_different_are_free(self):
        self.assertTrue(registration(username="rima", email="rima@example.com").is_valid())

    def test_keys(self):
        self.assertEqual(email_key("Rita@Exａmple.COM"), "rita@example.com")
        checker = icu.SpoofChecker()
        self.assertEqual(username_key("rіta", checker), username_key("RITA", checker))
        self.assertNotEqual(username_key("rita", checker), username_key("rima", checker))


class SignInLockoutTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_cast(cls)

    def sign_in(self, username, password):
        return self.client.post(reverse("login"), {"username": username, "password": password})

    def test_five_wrong_passwords_lock_the_username_even_for_the_right_one(self):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            self.assertContains(self.sign_in("rita", "wrong-password"), "Please enter a correct username")
        self.assertContains(self.sign_in("rita", "wrong-password"), LOCKED, status_code=429)
        self.assertContains(self.sign_in("rita", PASSWORD), LOCKED, status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_a_username_without_an_account_is_locked_in_the_same_words(self):
        answers = {}
        for username in ("rita", "nobody"):
            for _ in range(settings.AXES_FAILURE_LIMIT):
                response = self.sign_in(username, "wrong-password")
            answers[username] = response.content.decode().replace(username, "")
        self.assertContains(response, LOCKED, status_code=429)
        self.assertEqual(answers["rita"], answers["nobody"])

    def test_other_usernames_still_sign_in(self):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            self.sign_in("rita", "wrong-password")
        self.assertRedirects(self.sign_in("alice", PASSWORD), reverse("dashboard"))


class PasswordResetThrottleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_cast(cls)

    def ask(self, email):
        return self.client.post(reverse("password_reset"), {"email": email})

    def test_a_flood_of_requests_sends_a_few_emails(self):
        for spelling in ["rita@example.com", "Rita@Example.com"] * 5:
            self.assertRedirects(self.ask(spelling), reverse("password_reset_done"))
        self.assertEqual(len(mail.outbox), settings.PASSWORD_RESET_EMAILS_PER_HOUR)

    def test_each_address_has_its_own_count(self):
        for _ in range(settings.PASSWORD_RESET_EMAILS_PER_HOUR + 1):
            self.ask("rita@example.com")
        self.ask("alice@example.com")
        self.assertEqual(mail.outbox[-1].to, ["alice@example.com"])


class SessionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_cast(cls)

    def test_signing_in_starts_a_new_session(self):
        before = self.client.session
        before["seen"] = True
        before.save()
        self.client.post(reverse("login"), {"username": "rita", "password": PASSWORD})
        self.assertNotEqual(self.client.session.session_key, before.session_key)
        planted = Client()
        planted.cookies[settings.SESSION_COOKIE_NAME] = before.session_key
        self.assertRedirects(planted.get(reverse("dashboard")), f"{reverse('login')}?next={reverse('dashboard')}")

    def test_the_session_cookie_is_for_the_site_alone(self):
        self.client.post(reverse("login"), {"username": "rita", "password": PASSWORD})
        cookie = self.client.cookies[settings.SESSION_COOKIE_NAME]
        self.assertTrue(cookie["httponly"])
        self.assertEqual(cookie["samesite"], "Lax")

    def test_a_link_does_not_sign_out(self):
        self.client.force_login(User.objects.get(username="rita"))
        response = self.client.get(reverse("logout"))
        self.assertContains(response, "Nothing was changed.", status_code=405)
        self.assertEqual(response["Allow"], "POST, OPTIONS")
        self.assertEqual(self.client.get(reverse("dashboard")).status_code, 200)


class DeploySettingsTests(SimpleTestCase):
    """Production settings come from the environment; with debug off, HTTPS is the default."""

    def production(self, **environment):
        code = (
            "import json; from django.conf import settings as s; "
            "print(json.dumps([s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE]))"
        )
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "x" * 60,
            "PYTHONPATH": str(settings.SITE_DIR),
            **environment,
        }
        done = subprocess.run(
            [sys.executable, "-c", f"import django; django.setup(); {code}"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.strip()

    def test_https_is_on_by_default_with_debug_off(self):
        self.assertEqual(self.production(), f"[true, {365 * 24 * 3600}, true]")

    def test_each_can_be_turned_off(self):
        answer = self.production(
            DJANGO_SECURE_SSL_REDIRECT="0", DJANGO_SECURE_HSTS_SECONDS="0", DJANGO_SECURE_COOKIES="0"
        )
        self.assertEqual(answer, "[false, 0, false]")

    def test_the_deploy_check_is_clean(self):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "a-production-secret-" + "k" * 50,
            "DJANGO_ALLOWED_HOSTS": "newsroom.example.net",
        }
        done = subprocess.run(
            [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
        )
        self.assertEqual(done.returncode, 0, done.stderr + done.stdout)
