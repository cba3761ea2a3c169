import re
from datetime import timedelta

from bs4 import BeautifulSoup
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Comment
from articles.tests.helpers import make_article, make_cast


def detail_url(article):
    return reverse("article-detail", kwargs={"slug": article.slug})


def without_token(response):
    """A page's HTML without its CSRF token, which is masked anew on every page."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


def publish_url(article):
    return reverse("article-publish", kwargs={"pk": article.pk})


def login_url(next_url):
    return f"/login/?next={next_url}"


class WritingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_cast(cls)

    def post_article(self, status):
        return self.client.post(
            reverse("article-create"),
            {"title": "Duck race", "body": "Quack.", "status": status},
        )

    def test_any_signed_in_person_writes_a_draft(self):
        self.client.force_login(self.rita)
        response = self.post_article("draft")
        article = Article.objects.get(title="Duck race")
        self.assertRedirects(response, detail_url(article))
        self.assertEqual(article.author, self.rita)
        self.assertEqual(article.status, Article.Status.DRAFT)

    def test_an_article_can_be_published_at_once(self):
        self.client.force_login(self.rita)
        self.post_article("published")
        article = Article.objects.get(title="Duck race")
        self.assertTrue(article.is_published())
        self.assertIsNotNone(article.published_at)

    def test_anonymous_visitors_are_sent_to_sign_in(self):
        write_url = reverse("article-create")
        self.assertRedirects(self.client.get(write_url), login_url(write_url))
        self.assertRedirects(self.post_article("published"), login_url(write_url))
        self.assertFalse(Article.objects.exists())


class PublishingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_cast(cls)
        cls.draft = make_article(cls.alice, "Harbour interview")

    def assertPublished(self, published=True):
        self.draft.refresh_from_db()
        self.assertEqual(self.draft.is_published(), published)

    def test_the_author_publishes_her_own_draft(self):
        self.client.force_login(self.alice)
        response = self.client.post(publish_url(self.draft))
        self.assertRedirects(response, detail_url(self.draft))
        self.assertPublished()

    def test_an_editor_publishes_anyones_draft(self):
        self.client.force_login(self.eddie)
        response = self.client.post(publish_url(self.draft))
        self.assertRedirects(response, detail_url(self.draft))
        self.assertPublished()

    def test_anyone_else_finds_no_draft_there_and_it_stays_a_draft(self):
        """The answer for a draft someone may not see is the answer for an article that does not exist."""
        self.client.force_login(self.rita)
        response = self.client.post(publish_url(self.draft))
        missing = self.client.post(reverse("article-publish", kwargs={"pk": self.draft.pk + 1000}))
        self.assertEqual((response.status_code, without_token(response)), (404, without_token(missing)))
        self.assertPublished(False)

    def test_anonymous_visitors_are_sent_to_sign_in(self):
        response = self.client.post(publish_url(self.draft))
        self.assertRedirects(response, login_url(publish_url(self.draft)))
        self.assertPublished(False)

    def test_publishing_needs_a_post(self):
        self.client.force_login(self.alice)
        response = self.client.get(publish_url(self.draft))
        self.assertContains(response, "Nothing was changed.", status_code=405)
        self.assertEqual(response["Allow"], "POST")
        self.assertPublished(False)

    def test_a_form_from_another_site_is_refused_with_a_page_that_says_so(self):
        csrf_client = Client(enforce_csrf_checks=True)
        csrf_client.force_login(self.eddie)
        response = csrf_client.post(publish_url(self.draft), headers={"origin": "http://other-site.example"})
        self.assertContains(response, "<h1>Not sent</h1>", status_code=403, html=True)
        self.assertContains(response, "Nothing was changed.", status_code=403)
        self.assertPublished(False)

    def test_a_message_says_the_article_is_published(self):
        self.client.force_login(self.eddie)
        response = self.client.post(publish_url(self.draft), follow=True)
        self.assertContains(response, "“Harbour interview” is published.")

    def test_the_publish_button_shows_only_to_those_who_may_publish(self):
        for person, shown in [(self.alice, True), (self.eddie, True), (self.rita, False)]:
            with self.subTest(person=person.username):
                self.client.force_login(person)
                response = self.client.get(detail_url(self.draft))
                form = f'<form method="post" action="{publish_url(self.draft)}"'
                self.assertEqual(form in response.content.decode(), shown)


class DraftVisibilityTests(TestCase):
    """A draft is seen only by its author and by editors; for everyone else it does not exist."""

    @classmethod
    def setUpTestData(cls):
        make_cast(cls)
        cls.draft = make_article(cls.alice, "Harbour interview", body="Notes still to write up.")
        make_article(cls.eddie, "Library approved", published=True)

    def test_author_and_editors_see_the_draft(self):
        for person in [self.alice, self.eddie]:
            with self.subTest(person=person.username):
                self.client.force_login(person)
                self.assertContains(self.client.get(detail_url(self.draft)), "Notes still to write")

    def test_for_everyone_else_the_draft_page_does_not_exist(self):
        self.assertEqual(self.client.get(detail_url(self.draft)).status_code, 404)
        self.client.force_login(self.rita)
        self.assertEqual(self.client.get(detail_url(self.draft)).status_code, 404)

    def test_the_draft_is_not_on_the_front_page(self):
        for person in [None, self.rita, self.alice, self.eddie]:
            with self.subTest(person=person and person.username):
                if person:
                    self.client.force_login(person)
                response = self.client.get(reverse("article-list"))
                self.assertContains(response, "Library approved")
                self.assertNotContains(response, "Harbour interview")

    def test_the_draft_is_not_on_someone_elses_dashboard(self):
        self.client.force_login(self.rita)
        self.assertNotContains(self.client.get(reverse("dashboard")), "Harbour interview")

    def test_a_message_naming_a_draft_is_not_shown_to_the_next_person_on_the_browser(self):
        """A flash message waits for the next page; that page may be someone else's."""
        front_page = reverse("article-list")
        hand_overs = {
            "Rita signs in": lambda: self.client.force_login(self.rita),
            "Alice signs out": lambda: self.client.post(reverse("logout"), follow=True),
        }
        for hand_over, do in hand_overs.items():
            with self.subTest(hand_over):
                self.client.force_login(self.alice)
                # The redirect is not followed, so the message is still waiting.
                self.client.post(
                    reverse("article-create"),
                    {"title": "Secret plans", "body": "...", "status": "draft"},
                )
                pages = [do(), self.client.get(front_page)]
                for page in filter(None, pages):
                    self.assertNotContains(page, "Secret plans")


class FrontPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_cast(cls)
        now = timezone.now()
        # Written first but published last: the front page orders by publication.
        make_article(cls.alice, "Newest news", published=True, published_at=now)
        make_article(cls.eddie, "Oldest news", published=True, published_at=now - timedelta(2))
        make_article(cls.rita, "Middle news", published=True, published_at=now - timedelta(1))

    def test_published_articles_newest_first(self):
        response = self.client.get(reverse("article-list"))
        soup = BeautifulSoup(response.content, "html.parser")
        titles = [h2.get_text(strip=True) for h2 in soup.select(".article-list h2")]
        self.assertEqual(titles, ["Newest news", "Middle news", "Oldest news"])


class EditingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_cast(cls)
        cls.article = make_article(cls.alice, "Spring fair", published=True)
        cls.draft = make_article(cls.alice, "Harbour interview")

    def edit(self, article, title="Spring fair moves indoors"):
        url = reverse("article-update", kwargs={"slug": article.slug})
        return self.client.post(url, {"title": title, "body": "Rain is forecast."})

    def test_the_author_edits_her_article_and_its_link_stays(self):
        self.client.force_login(self.alice)
        response = self.edit(self.article)
        self.assertRedirects(response, detail_url(self.article))
        self.article.refresh_from_db()
        self.assertEqual(self.article.title, "Spring fair moves indoors")
        self.assertEqual(self.article.slug, "spring-fair")

    def test_nobody_else_may_edit_a_published_article(self):
        for person in [self.rita, self.eddie]:
            with self.subTest(person=person.username):
                self.client.force_login(person)
                url = reverse("article-update", kwargs={"slug": self.article.slug})
                self.assertEqual(self.client.get(url).status_code, 403)
                self.assertEqual(self.edit(self.article).status_code, 403)
        self.article.refresh_from_db()
        self.assertEqual(self.article.title, "Spring fair")

    def test_a_draft_someone_cannot_see_is_not_found(self):
        self.client.force_login(self.rita)
        self.assertEqual(self.edit(self.draft).status_code, 404)

    def test_an_editor_may_not_edit_someone_elses_draft(self):
        self.client.force_login(self.eddie)
        self.assertEqual(self.edit(self.draft).status_code, 403)
        self.draft.refresh_from_db()
        self.assertEqual(self.draft.title, "Harbour interview")

    def test_an_edit_keeps_the_publishing_date_the_status_and_the_author(self):
        published_at = timezone.now() - timedelta(days=30)
        Article.objects.filter(pk=self.article.pk).update(published_at=published_at)
        self.client.force_login(self.alice)
        self.edit(self.article)
        self.article.refresh_from_db()
        self.assertEqual(self.article.published_at, published_at)
        self.assertTrue(self.article.is_published())
        self.assertEqual(self.article.author, self.alice)

    def test_editing_does_not_publish(self):
        self.client.force_login(self.alice)
        url = reverse("article-update", kwargs={"slug": self.draft.slug})
        self.client.post(url, {"title": "Harbour", "body": "...", "status": "published"})
        self.draft.refresh_from_db()
        self.assertFalse(self.draft.is_published())

    def test_anonymous_visitors_are_sent_to_sign_in(self):
        url = reverse("article-update", kwargs={"slug": self.article.slug})
        self.assertRedirects(self.client.get(url), login_url(url))


class DeletingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_cast(cls)
        cls.article = make_article(cls.alice, "Spring fair", published=True)
        cls.draft = make_article(cls.alice, "Harbour interview")

    def delete(self, article):
        return self.client.post(reverse("article-delete", kwargs={"slug": article.slug}))

    def test_the_author_deletes_her_article(self):
        self.client.force_login(self.alice)
        self.assertRedirects(self.delete(self.article), reverse("dashboard"))
        self.assertFalse(Article.objects.filter(pk=self.article.pk).exists())

    def test_nobody_else_may_delete_a_published_article(self):
        for person in [self.rita, self.eddie]:
            with self.subTest(person=person.username):
                self.client.force_login(person)
                self.assertEqual(self.delete(self.article).status_code, 403)
        self.assertTrue(Article.objects.filter(pk=self.article.pk).exists())

    def test_someone_elses_draft(self):
        for person, status in [(self.rita, 404), (self.eddie, 403)]:
            with self.subTest(person=person.username):
                self.client.force_login(person)
                self.assertEqual(self.delete(self.draft).status_code, status)
        self.assertTrue(Article.objects.filter(pk=self.draft.pk).exists())

    def test_anonymous_visitors_are_sent_to_sign_in(self):
        url = reverse("article-delete", kwargs={"slug": self.article.slug})
        self.assertRedirects(self.client.post(url), login_url(url))
        self.assertTrue(Article.objects.filter(pk=self.article.pk).exists())


class CommentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_cast(cls)
        cls.article = make_article(cls.alice, "Spring fair", published=True)
        cls.draft = make_article(cls.alice, "Harbour interview")

    def comment(self, article, body):
        url = reverse("comment-create", kwargs={"article_pk": article.pk})
        return self.client.post(url, {"body": body})

    def test_a_signed_in_reader_comments_on_a_published_article(self):
        self.client.force_login(self.rita)
        response = self.comment(self.article, "See you there!")
        self.assertRedirects(response, detail_url(self.article))
        comment = self.article.comments.get()
        self.assertEqual((comment.author, comment.body), (self.rita, "See you there!"))

    def test_no_comments_on_a_draft(self):
        self.client.force_login(self.alice)
        self.assertEqual(self.comment(self.draft, "First!").status_code, 404)
        self.assertFalse(Comment.objects.exists())

    def test_anonymous_visitors_are_sent_to_sign_in(self):
        url = reverse("comment-create", kwargs={"article_pk": self.article.pk})
        self.assertRedirects(self.comment(self.article, "Hello"), login_url(url))
        self.assertFalse(Comment.objects.exists())

    def test_an_empty_comment_is_refused_with_a_message(self):
        self.client.force_login(self.rita)
        for body in ["", "   \n\t "]:
            with self.subTest(body=body):
                response = self.comment(self.article, body)
                self.assertContains(response, "A comment cannot be empty.")
                self.assertContains(response, "<h1>Spring fair</h1>", html=True)
        self.assertFalse(Comment.objects.exists())

    def test_html_in_a_comment_is_shown_as_text(self):
        Comment.objects.create(article=self.article, author=self.rita, body="<script>alert('hi')</script>")
        response = self.client.get(detail_url(self.article))
        self.assertContains(response, "&lt;script&gt;alert(&#x27;hi&#x27;)&lt;/script&gt;")
        self.assertNotContains(response, "<script>alert")


class ErrorPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_cast(cls)
        cls.draft = make_article(cls.alice, "Harbour interview")

    def test_not_found_page(self):
        response = self.client.get("/articles/no-such-article/")
        self.assertContains(response, "<h1>Page not found</h1>", status_code=404, html=True)
        self.assertContains(response, "Back to the front page", status_code=404)

    def test_a_hidden_draft_looks_like_any_missing_page(self):
        response = self.client.get(detail_url(self.draft))
        self.assertContains(response, "<h1>Page not found</h1>", status_code=404, html=True)

    def test_not_allowed_page_says_why(self):
        published = make_article(self.alice, "Harbour reopens", published=True)
        self.client.force_login(self.rita)
        response = self.client.post(publish_url(published))
        self.assertContains(response, "<h1>Not allowed</h1>", status_code=403, html=True)
        self.assertContains(response, "Only editors may publish", status_code=403)


class NavigationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_cast(cls)

    def nav_text(self):
        response = self.client.get(reverse("article-list"))
        nav = BeautifulSoup(response.content, "html.parser").select_one("nav[aria-label=Main]")
        return nav.get_text(" ", strip=True)

    def test_anonymous_visitors_are_offered_sign_in_and_register(self):
        nav = self.nav_text()
        self.assertIn("Sign in", nav)
        self.assertIn("Register", nav)
        self.assertNotIn("Sign out", nav)
        self.assertNotIn("Write an article", nav)

    def test_signed_in_people_see_who_they_are(self):
        self.client.force_login(self.alice)
        nav = self.nav_text()
        self.assertIn("Signed in as alice", nav)
        self.assertIn("Write an article", nav)
        self.assertIn("Sign out", nav)
        self.assertNotIn("Register", nav)
