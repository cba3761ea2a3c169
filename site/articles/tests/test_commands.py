from io import StringIO

from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.core.management import call_command
from django.http import HttpRequest
from django.test import TestCase
from django.urls import reverse

from articles.management.commands.load_demo import ARTICLES
from articles.models import Article


def load_demo():
    call_command("load_demo", stdout=StringIO())


class LoadDemoTests(TestCase):
    def test_creates_the_cast_and_some_articles(self):
        load_demo()
        people = {user.username: user for user in User.objects.all()}
        self.assertEqual(set(people), {"alice", "eddie", "rita"})
        self.assertTrue(people["eddie"].has_perm("articles.publish_article"))
        self.assertFalse(people["alice"].has_perm("articles.publish_article"))
        self.assertFalse(people["rita"].has_perm("articles.publish_article"))
        self.assertTrue(Article.objects.published().exists())
        self.assertTrue(Article.objects.drafts().exists())

    def test_demo_people_sign_in_with_the_demo_password(self):
        load_demo()
        self.assertIsNotNone(authenticate(HttpRequest(), username="alice", password="newsroom-demo"))

    def test_running_it_twice_changes_nothing(self):
        load_demo()
        articles = list(Article.objects.values_list("slug", "status"))
        load_demo()
        self.assertEqual(User.objects.count(), 3)
        self.assertEqual(list(Article.objects.values_list("slug", "status")), articles)
        self.assertTrue(User.objects.get(username="eddie").has_perm("articles.publish_article"))

    def test_running_it_twice_writes_each_demo_article_once(self):
        load_demo()
        load_demo()
        for _, title, _, _ in ARTICLES:
            with self.subTest(title=title):
                written = Article.objects.filter(title=title).count()
                self.assertEqual(written, 1, f"“{title}” is written {written} times.")

    def test_the_demo_editor_publishes_the_demo_author_s_draft(self):
        # What an operator loads the demo for: signed in as eddie, the editor's work is there to do.
        load_demo()
        draft = Article.objects.drafts().get(author__username="alice")
        self.client.force_login(User.objects.get(username="eddie"))
        dashboard = self.client.get(reverse("dashboard"))
        self.assertContains(dashboard, draft.title, msg_prefix="alice's draft is not waiting for eddie")
        self.client.post(reverse("article-publish", kwargs={"pk": draft.pk}))
        draft.refresh_from_db()
        self.assertTrue(draft.is_published(), "eddie, the demo's editor, could not publish alice's draft.")
