"""The cast of every test: Alice writes, Eddie edits (may publish anyone's article), Rita reads."""

from django.contrib.auth.models import Permission, User
from django.utils import timezone

from articles.models import Article

PASSWORD = "a-long-test-password"


def make_person(username, *, editor=False, **fields):
    fields.setdefault("email", f"{username}@example.com")
    user = User.objects.create_user(username, password=PASSWORD, **fields)
    if editor:
        user.user_permissions.add(
            Permission.objects.get(codename="publish_article", content_type__app_label="articles")
        )
    return user


def make_cast(cls):
    """Give a test class alice, eddie and rita (call from setUpTestData)."""
    cls.alice = make_person("alice", first_name="Alice", last_name="Author")
    cls.eddie = make_person("eddie", editor=True, first_name="Eddie", last_name="Editor")
    cls.rita = make_person("rita", first_name="Rita", last_name="Reader")


def make_article(author, title, *, published=False, published_at=None, body="Some words."):
    if published:
        return Article.objects.create(
            author=author,
            title=title,
            body=body,
            status=Article.Status.PUBLISHED,
            published_at=published_at or timezone.now(),
        )
    return Article.objects.create(author=author, title=title, body=body)
