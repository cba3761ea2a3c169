import hashlib

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import User
from django.core.cache import cache

from accounts.lookalikes import email_key, email_taken, username_taken


class RegistrationForm(UserCreationForm):
    email = forms.EmailField(help_text="We send a welcome email here, and password-reset links if you ask for one.")

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ["username", "email"]

    def clean_username(self):
        username = self.cleaned_data.get("username")
        # Taken whatever its letter case and however its letters are written: a look-alike
        # of someone's name would comment as them for everyone who reads it.
        if username and username_taken(username):
            raise forms.ValidationError(self.instance.unique_error_message(User, ["username"]))
        return username

    def clean_email(self):
        email = self.cleaned_data["email"]
        # One account per address, so that a password reset reaches exactly one person.
        if email_taken(email):
            raise forms.ValidationError("An account with this email address already exists.")
        return email


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's, sending one address at most PASSWORD_RESET_EMAILS_PER_HOUR emails an hour.

    Every request counts, for an address with an account or without one, and the page
    after it says the same either way: the limit tells nothing about who has an account.
    """

    def save(self, *args, **kwargs):
        if reset_email_allowed(self.cleaned_data["email"]):
            super().save(*args, **kwargs)


def reset_email_allowed(address):
    """Count one more reset request for this address; True while the hour's count is within the limit."""
    key = "password-reset:" + hashlib.sha256(email_key(address).encode()).hexdigest()
    cache.add(key, 0, settings.PASSWORD_RESET_EMAILS_WINDOW.total_seconds())
    return cache.incr(key) <= settings.PASSWORD_RESET_EMAILS_PER_HOUR
