from bs4 import BeautifulSoup
from django.test import SimpleTestCase, TestCase
from django.urls import reverse

from articles.forms import ArticleEditForm, ArticleForm, CommentForm
from articles.tests.helpers import make_article, make_cast


class CommentFormTests(SimpleTestCase):
    def test_refuses_empty_and_whitespace_only_comments(self):
        for body in ["", " ", "\n\t  \n"]:
            with self.subTest(body=body):
                form = CommentForm({"body": body})
                self.assertFalse(form.is_valid())
                self.assertEqual(form.errors["body"], ["A comment cannot be empty."])

    def test_accepts_words(self):
        self.assertTrue(CommentForm({"body": "See you there!"}).is_valid())


class ArticleFormTests(SimpleTestCase):
    def test_writing_chooses_draft_or_published(self):
        self.assertEqual(list(ArticleForm().fields), ["title", "body", "status"])
        for status in ["draft", "published"]:
            with self.subTest(status=status):
                form = ArticleForm({"title": "Duck race", "body": "Quack.", "status": status})
                self.assertTrue(form.is_valid(), form.errors)

    def test_editing_changes_only_the_words(self):
        """Publishing has its own button, with its own permission check."""
        self.assertEqual(list(ArticleEditForm().fields), ["title", "body"])


class FormPagesTests(TestCase):
    """Every form of the site, in both apps: protected against CSRF, and every input labelled."""

    @classmethod
    def setUpTestData(cls):
        make_cast(cls)
        cls.article = make_article(cls.alice, "Spring fair", published=True)

    def pages(self):
        yield "login", self.client.get(reverse("login"))
        yield "register", self.client.get(reverse("register"))
        yield "password reset", self.client.get(reverse("password_reset"))
        self.client.force_login(self.alice)
        yield "write", self.client.get(reverse("article-create"))
        yield "edit", self.client.get(reverse("article-update", kwargs={"slug": self.article.slug}))
        yield "comment", self.client.get(self.article.get_absolute_url())

    def test_csrf_token_and_a_label_for_every_visible_input(self):
        for name, response in self.pages():
            with self.subTest(page=name):
                self.assertEqual(response.status_code, 200)
                soup = BeautifulSoup(response.content, "html.parser")
                forms = soup.select("main form[method=post]")
                self.assertTrue(forms, "no form on the page")
                for form in forms:
                    self.assertIsNotNone(form.select_one("input[name=csrfmiddlewaretoken]"))
                fields = soup.select("main input:not([type=hidden]):not([type=submit]), main textarea, main select")
                self.assertTrue(fields, "no input on the page")
                for field in fields:
                    field_id = field.get("id")
                    self.assertTrue(field_id, f"{field} has no id")
                    self.assertIsNotNone(soup.find("label", attrs={"for": field_id}), f"{field} has no label")
