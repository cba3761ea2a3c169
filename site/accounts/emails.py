from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

WELCOME_SUBJECT = "Welcome to Our Site!"


def send_welcome_email(request, user):
    """The welcome email, with a link to the sign-in page on the site the person registered at."""
    sign_in = request.build_absolute_uri(reverse("login"))
    body = render_to_string("accounts/welcome_email.txt", {"user": user, "sign_in": sign_in})
    send_mail(WELCOME_SUBJECT, body, None, [user.email])
