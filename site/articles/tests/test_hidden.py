"""Text that shows nothing, and drafts that are nobody else's business."""

from django.test import SimpleTestCase, TestCase
from django.urls import reverse

from articles.forms import CommentForm
from articles.models import Comment
from articles.tests.helpers import make_article, make_cast
from articles.tests.test_views import without_token
from articles.text import shows_nothing

INVISIBLE = {
    "a zero-width space": "\u200b",
    "a zero-width joiner between spaces": " \u200d ",
    "a word joiner and a soft hyphen": "\u2060\u00ad",
    "a byte-order mark": "\ufeff",
    "a Hangul filler": "\u3164",
    "a blank braille pattern": "\u2800",
    "an ideographic space and a no-break space": "\u3000\u00a0",
    "a variation selector and a left-to-right mark": "\ufe0f\u200e",
}


class ShowsNothingTests(SimpleTestCase):
    def test_invisible_characters_show_nothing(self):
        for name, text in INVISIBLE.items():
            with self.subTest(name):
                self.assertTrue(shows_nothing(text))

    def test_anything_visible_shows(self):
        for text in ["a", "\u200bhello", ".", "\u0301", "😀", "\u00a0!"]:
            with self.subTest(text=text):
                self.assertFalse(shows_nothing(text))

    def test_a_comment_of_only_invisible_characters_is_empty(self):
        for name, text in INVISIBLE.items():
            with self.subTest(name):
                self.assertEqual(CommentForm({"body": text}).errors["body"], ["A comment cannot be empty."])

    def test_a_comment_with_a_zero_width_space_inside_words_is_kept(self):
        self.assertTrue(CommentForm({"body": "Great\u200bpiece"}).is_valid())


class DraftAddressTests(TestCase):
    """Every address of a draft answers someone who may not see it as if it did not exist."""

    @classmethod
    def setUpTestData(cls):
        make_cast(cls)
        cls.draft = make_article(cls.alice, "Harbour interview")

    def addresses(self, slug, pk):
        return [
            ("get", reverse("article-detail", kwargs={"slug": slug}), {}),
            ("get", reverse("article-update", kwargs={"slug": slug}), {}),
            ("post", reverse("article-update", kwargs={"slug": slug}), {"title": "Mine", "body": "Now"}),
            ("get", reverse("article-delete", kwargs={"slug": slug}), {}),
            ("post", reverse("article-delete", kwargs={"slug": slug}), {}),
            ("post", reverse("article-publish", kwargs={"pk": pk}), {}),
            ("post", reverse("comment-create", kwargs={"article_pk": pk}), {"body": "First!"}),
        ]

    def test_a_reader_gets_the_answer_for_a_missing_article(self):
        self.client.force_login(self.rita)
        drafts = self.addresses(self.draft.slug, self.draft.pk)
        missing = self.addresses("no-such-article", self.draft.pk + 1000)
        for (method, address, data), (_, nowhere, _) in zip(drafts, missing, strict=True):
            with self.subTest(f"{method} {address}"):
                response = getattr(self.client, method)(address, data)
                expected = getattr(self.client, method)(nowhere, data)
                self.assertEqual(response.status_code, 404)
                self.assertEqual(without_token(response), without_token(expected))
        self.draft.refresh_from_db()
        self.assertEqual((self.draft.title, self.draft.is_published()), ("Harbour interview", False))
        self.assertFalse(Comment.objects.exists())
