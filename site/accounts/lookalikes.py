"""When two email addresses or two usernames are the same to the people who read them.

An address is compared as a mailbox has it: with compatibility forms (a full-width
letter) folded by NFKC and letter case folded, which is how Django's password reset
matches addresses too. A username is compared as a reader sees it: NFKC and case
folded, then reduced to its confusable skeleton (Unicode TR 39, computed by ICU), so a
Cyrillic “і” in “rіta” is taken for the Latin “i” it looks like.
"""

import unicodedata

import icu
from django.contrib.auth.models import User

# Built once: ICU's spoof checker loads the confusables table.
SPOOF_CHECKER = icu.SpoofChecker()


def email_key(address):
    return unicodedata.normalize("NFKC", address).casefold()


def username_key(name):
    # ICU ignores the type argument since ICU 58: every skeleton is TR 39's, for any letter case.
    return SPOOF_CHECKER.getSkeleton(icu.USpoofChecks.ANY_CASE, unicodedata.normalize("NFKC", name).casefold())


def email_taken(address):
    """True when an account has this address, or one that differs from it only in forms of its letters."""
    key = email_key(address)
    # One pass over the addresses: a database cannot compare them this way, and a newsroom has thousands.
    return any(email_key(email) == key for email in User.objects.values_list("email", flat=True).iterator())


def username_taken(name):
    """True when an account has this username, or one a reader cannot tell from it."""
    key = username_key(name)
    return any(username_key(taken) == key for taken in User.objects.values_list("username", flat=True).iterator())
