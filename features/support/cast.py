"""The cast: the same few people in every feature, created when a scenario first needs them.

Alice Archer   an author        writes articles
Eddie Evans    an editor        may publish anyone's article (articles.publish_article)
Rita Reyes     a reader         reads and comments
Nina Novak     a newcomer       has no account until she registers
a visitor      anyone not signed in
"""

from dataclasses import dataclass

from django.contrib.auth.models import Permission, User

DEFAULT_PASSWORD = "Correct-Horse-Battery-42"


@dataclass(frozen=True)
class Person:
    name: str
    username: str = ""
    last_name: str = ""
    role: str = "visitor"

    @property
    def email(self):
        return f"{self.username}@example.com"

    @property
    def full_name(self):
        return f"{self.name} {self.last_name}"


VISITOR = Person("a visitor")
CAST = {
    person.name: person
    for person in (
        Person("Alice", "alice", "Archer", "author"),
        Person("Eddie", "eddie", "Evans", "editor"),
        Person("Rita", "rita", "Reyes", "reader"),
        Person("Nina", "nina", "Novak", "newcomer"),
    )
}
PRONOUNS = {"she", "he", "they"}
ROLE_PERMISSIONS = {"editor": ["publish_article"]}


class People:
    """Who is in this scenario, who "she" is, and whom the driver is acting as."""

    def __init__(self, driver, sign_in=None):
        self.driver = driver
        # How to sign a person in: the driver's session shortcut unless told otherwise.
        self.sign_in = sign_in or (lambda driver, user, password: driver.sign_in_as(user))
        self.passwords = {}
        self.last = None
        self.signed_in = VISITOR  # None: unknown, after signing in or out through the site

    def resolve(self, who):
        if who in PRONOUNS:
            if self.last is None:
                raise AssertionError(f"“{who}” refers to nobody: name a person first.")
            return self.last
        if who == VISITOR.name:
            person = VISITOR
        elif who in CAST:
            person = CAST[who]
        else:
            raise AssertionError(f"Nobody called {who} is in the cast: use {', '.join(CAST)} or “a visitor”.")
        self.last = person
        return person

    def user(self, who, password=DEFAULT_PASSWORD):
        """The person's account, made on first mention with the rights of their role."""
        person = self.resolve(who)
        user = User.objects.filter(username=person.username).first()
        if user is None:
            user = User.objects.create_user(
                person.username, person.email, password, first_name=person.name, last_name=person.last_name
            )
            codenames = ROLE_PERMISSIONS.get(person.role, [])
            if codenames:
                user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
        elif password != DEFAULT_PASSWORD:
            user.set_password(password)
            user.save(update_fields=["password"])
        if password != DEFAULT_PASSWORD or person.username not in self.passwords:
            self.passwords[person.username] = password
        return user

    def act_as(self, who):
        """The driver, signed in as this person through the shortcut (or signed out for a visitor)."""
        person = self.resolve(who)
        if person != self.signed_in:
            if person == VISITOR:
                self.driver.sign_out()
            else:
                # Signing in as someone else replaces the session: no need to sign out first.
                user = self.user(who)
                self.sign_in(self.driver, user, self.passwords[user.username])
            self.signed_in = person
        return self.driver

    def looking(self, who):
        """The driver as it is, once the site has answered: for what this person sees in front of them now."""
        self.resolve(who)
        self.driver.settle()
        return self.driver

    def signed_out(self, who=None):
        """The driver signed out, for a person about to sign in, register or reset through the site.

        What the site does next is under test, so afterwards nobody is known to be signed in.
        With nobody named (someone the scenario does not know), "she" still means whom it meant.
        """
        if who is not None:
            self.resolve(who)
        if self.signed_in is not VISITOR:
            self.driver.sign_out()
        self.signed_in = None
        return self.driver
