from django.contrib.auth.models import AnonymousUser, Permission
from django.test import TestCase

from articles.models import Article, Comment
from articles.tests.helpers import make_article, make_cast


class SlugTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_cast(cls)

    def test_slug_is_made_from_the_title_on_save(self):
        article = Article(author=self.alice, title="Spring fair opens on Saturday", body="...")
        article.save()
        self.assertEqual(article.slug, "spring-fair-opens-on-saturday")

    def test_objects_create_makes_the_slug_too(self):
        article = Article.objects.create(author=self.alice, title="Duck race", body="...")
        self.assertEqual(article.slug, "duck-race")

    def test_a_second_article_with_the_same_title_gets_another_slug(self):
        first = Article.objects.create(author=self.alice, title="Duck race", body="...")
        second = Article.objects.create(author=self.rita, title="Duck race", body="...")
        self.assertNotEqual(first.slug, second.slug)
        self.assertTrue(second.slug.startswith("duck-race"))

    def test_slug_stays_the_same_when_the_title_is_edited(self):
        """Links to an article must survive edits to its title."""
        article = Article.objects.create(author=self.alice, title="Duck race", body="...")
        article.title = "Duck race postponed"
        article.save()
        article.refresh_from_db()
        self.assertEqual(article.slug, "duck-race")

    def test_a_title_without_letters_still_gets_a_slug(self):
        article = Article.objects.create(author=self.alice, title="!!!", body="...")
        self.assertEqual(article.slug, "article")


class ArticleModelTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_cast(cls)

    def test_publish_article_permission_exists(self):
        self.assertTrue(
            Permission.objects.filter(codename="publish_article", content_type__app_label="articles").exists()
        )
        self.assertTrue(self.eddie.has_perm("articles.publish_article"))
        self.assertFalse(self.alice.has_perm("articles.publish_article"))

    def test_comments_are_reached_through_article_comments(self):
        article = make_article(self.alice, "Duck race", published=True)
        comment = Comment.objects.create(article=article, author=self.rita, body="Quack")
        self.assertQuerySetEqual(article.comments.all(), [comment])

    def test_new_articles_are_drafts(self):
        article = Article.objects.create(author=self.alice, title="Duck race", body="...")
        self.assertEqual(article.status, Article.Status.DRAFT)
        self.assertFalse(article.is_published())

    def test_absolute_url_is_the_detail_page(self):
        article = make_article(self.alice, "Duck race", published=True)
        self.assertEqual(article.get_absolute_url(), "/articles/duck-race/")


class ArticleQuerySetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_cast(cls)
        cls.alices_draft = make_article(cls.alice, "Alice's draft")
        cls.alices_article = make_article(cls.alice, "Alice's article", published=True)
        cls.ritas_draft = make_article(cls.rita, "Rita's draft")

    def test_published_leaves_out_drafts(self):
        self.assertQuerySetEqual(Article.objects.published(), [self.alices_article])

    def test_anonymous_visitors_see_only_published_articles(self):
        self.assertQuerySetEqual(Article.objects.visible_to(AnonymousUser()), [self.alices_article])

    def test_authors_see_published_articles_and_their_own_drafts(self):
        self.assertQuerySetEqual(
            Article.objects.visible_to(self.alice),
            {self.alices_draft, self.alices_article},
            ordered=False,
        )

    def test_editors_see_every_draft(self):
        self.assertQuerySetEqual(
            Article.objects.visible_to(self.eddie),
            {self.alices_draft, self.alices_article, self.ritas_draft},
            ordered=False,
        )
