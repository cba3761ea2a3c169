"""The newsroom's rules about who may do what with an article, in one place."""

from django.core.exceptions import PermissionDenied

from articles.models import Article


def can_publish(user, article):
    """Authors publish their own drafts; editors publish anyone's."""
    return user.is_authenticated and (article.author_id == user.pk or user.has_perm("articles.publish_article"))


def can_change(user, article):
    """Only an article's author edits or deletes it."""
    return user.is_authenticated and article.author_id == user.pk


def publish_article(article, by):
    """Publish a draft, or raise PermissionDenied with the reason."""
    if not can_publish(by, article):
        raise PermissionDenied("Only editors may publish someone else's article.")
    if not article.is_published():
        article.status = Article.Status.PUBLISHED
        article.save(update_fields=["status", "published_at", "updated_at"])
    return article


def write_article(author, title, body, status):
    """Save a new article as a draft, or published at once."""
    article = Article(author=author, title=title, body=body, status=Article.Status.DRAFT)
    article.save()
    if status == Article.Status.PUBLISHED:
        publish_article(article, by=author)
    return article


def check_can_change(user, article):
    if not can_change(user, article):
        raise PermissionDenied("Only the author of an article may change or delete it.")
