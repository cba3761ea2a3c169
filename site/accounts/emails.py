from django.core.mail import send_mail
from django.template.loader import render_to_string

WELCOME_SUBJECT = "Welcome to Our Site!"


def send_welcome_email(user):
    body = render_to_string("accounts/welcome_email.txt", {"user": user})
    send_mail(WELCOME_SUBJECT, body, None, [user.email])
