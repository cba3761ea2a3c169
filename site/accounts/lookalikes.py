"""When two email addresses or two usernames are the same to the people who read them.

An address is compared as a mailbox has it: with compatibility forms (a full-width
letter) folded by NFKC and letter case folded, which is how Django's password reset
matches addresses too. A username is compared as a reader sees it: NFKC and case
folded, then reduced to its confusable skeleton (Unicode TR 39, computed by ICU), so a
Cyrillic “і” in “rіta” is taken for the Latin “i” it looks like.
"""

import unicodedata

from django.contrib.auth.models import User


def email_key(address):
    return unicodedata.normalize("NFKC", address).casefold()


def username_key(name, checker):
    """The name as a reader tells it from others: its confusable skeleton, by ICU's spoof checker."""
    import icu

    # ICU ignores the type argument since ICU 58: every skeleton is TR 39's, for any letter case.
    return checker.getSkeleton(icu.USpoofChecks.ANY_CASE, unicodedata.normalize("NFKC", name).casefold())


def email_taken(address):
    """True when an account has this address, or one that differs from it only in forms of its letters."""
    key = email_key(address)
    # One pass over the addresses: a database cannot compare them this way, and a newsroom has thousands.
    return any(email_key(email) == key for email in User.objects.values_list("email", flat=True).iterator())


def username_taken(name):
    """True when an account has this username, or one a reader cannot tell from it."""
    # Imported here, not at start-up: ICU takes about 60 ms to load and only registering needs it.
    # One checker for the whole pass: building it loads the confusables table.
    import icu

    checker = icu.SpoofChecker()
    key = username_key(name, checker)
    names = User.objects.values_list("username", flat=True).iterator()
    return any(username_key(taken, checker) == key for taken in names)
