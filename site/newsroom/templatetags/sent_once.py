import secrets

from django import template
from django.utils.html import format_html

from newsroom.sent_once import FIELD

register = template.Library()


@register.simple_tag
def sent_once_key():
    """The hidden field that lets the site act on this form once, however often it is sent."""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, secrets.token_urlsafe(16))
