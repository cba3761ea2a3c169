import re

from django.core.cache import cache
from django.test import TestCase
from django.urls import reverse

from articles.models import Article
from articles.tests.helpers import make_cast


def key_of(response):
    return re.search(r'name="sent_once" value="([^"]+)"', response.content.decode())[1]


class SentOnceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_cast(cls)

    def setUp(self):
        cache.clear()
        self.client.force_login(self.alice)
        self.key = key_of(self.client.get(reverse("article-create")))

    def write(self, key, title="Spring fair"):
        fields = {"title": title, "body": "Stalls open at ten.", "status": "published", "sent_once": key}
        return self.client.post(reverse("article-create"), fields)

    def test_the_same_form_sent_twice_makes_one_article_and_leads_where_the_first_did(self):
        first, second = self.write(self.key), self.write(self.key)
        self.assertEqual(Article.objects.count(), 1)
        self.assertRedirects(second, first["Location"], fetch_redirect_response=False)

    def test_each_showing_of_the_form_has_a_key_of_its_own(self):
        self.assertNotEqual(self.key, key_of(self.client.get(reverse("article-create"))))

    def test_a_refused_form_may_be_corrected_and_sent_again_with_its_key(self):
        self.assertEqual(self.write(self.key, title="").status_code, 200)
        self.write(self.key)
        self.assertEqual(Article.objects.count(), 1)

    def test_someone_else_sending_the_same_key_is_not_sent_where_the_first_led(self):
        self.write(self.key)
        self.client.force_login(self.rita)
        self.write(self.key, title="Lost cat")
        self.assertEqual(sorted(Article.objects.values_list("title", flat=True)), ["Lost cat", "Spring fair"])

    def test_a_form_sent_by_hand_without_the_key_is_acted_on_as_before(self):
        self.write("")
        self.write("")
        self.assertEqual(Article.objects.count(), 2)
