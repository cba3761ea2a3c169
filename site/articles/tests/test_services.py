from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import TestCase
from django.utils import timezone

from articles import services
from articles.models import Article
from articles.tests.helpers import make_article, make_cast


class PublishArticleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_cast(cls)
        cls.draft = make_article(cls.alice, "Harbour interview")

    def test_the_author_publishes_her_own_draft(self):
        services.publish_article(self.draft, by=self.alice)
        self.draft.refresh_from_db()
        self.assertTrue(self.draft.is_published())
        self.assertIsNotNone(self.draft.published_at)

    def test_an_editor_publishes_someone_elses_draft(self):
        services.publish_article(self.draft, by=self.eddie)
        self.draft.refresh_from_db()
        self.assertTrue(self.draft.is_published())

    def test_nobody_else_may_publish_it(self):
        for person in [self.rita, AnonymousUser()]:
            with self.subTest(person=person), self.assertRaises(PermissionDenied):
                services.publish_article(self.draft, by=person)
        self.draft.refresh_from_db()
        self.assertFalse(self.draft.is_published())

    def test_publishing_again_keeps_the_first_publication_date(self):
        first = timezone.now() - timedelta(days=3)
        article = make_article(self.alice, "Spring fair", published=True, published_at=first)
        services.publish_article(article, by=self.alice)
        article.refresh_from_db()
        self.assertEqual(article.published_at, first)


class WriteArticleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_cast(cls)

    def test_writes_a_draft(self):
        article = services.write_article(self.rita, "Duck race", "Quack.", Article.Status.DRAFT)
        self.assertEqual(article.status, Article.Status.DRAFT)
        self.assertIsNone(article.published_at)

    def test_writes_an_article_published_at_once(self):
        article = services.write_article(self.rita, "Duck race", "Quack.", Article.Status.PUBLISHED)
        article.refresh_from_db()
        self.assertTrue(article.is_published())
        self.assertIsNotNone(article.published_at)
