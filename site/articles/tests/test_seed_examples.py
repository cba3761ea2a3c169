"""The lesson's Django TestCase examples (/work/shared/seed), run against this site.

Copied as written; only the imports differ, plus two changes, each marked with a comment:
the password-reset example follows Django's redirect to the set-password URL, and the
lesson's last example reuses the class name ArticleWorkflowTests, which would hide the
first class of that name, so it is renamed here.
"""

import re

from django.contrib.auth.models import Permission, User
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from articles.models import Article


class ArticleWorkflowTests(TestCase):
    """Test complete article workflow."""

    @classmethod
    def setUpTestData(cls):
        cls.author = User.objects.create_user("author", "author@test.com", "pass", is_staff=True)
        cls.editor = User.objects.create_user("editor", "editor@test.com", "pass", is_staff=True)
        cls.reader = User.objects.create_user("reader", "reader@test.com", "pass")

        # Set up permissions
        publish_perm = Permission.objects.get(codename="publish_article")
        cls.editor.user_permissions.add(publish_perm)

    def test_complete_article_lifecycle(self):
        """Test article from creation to publication."""
        # Step 1: Author creates article
        self.client.force_login(self.author)
        response = self.client.post(
            reverse("article-create"),
            {
                "title": "Integration Test Article",
                "body": "This is the content.",
                "status": "draft",
            },
        )
        self.assertEqual(response.status_code, 302)

        article = Article.objects.get(title="Integration Test Article")
        self.assertEqual(article.status, "draft")
        self.assertEqual(article.author, self.author)

        # Step 2: Article not visible to readers
        self.client.force_login(self.reader)
        response = self.client.get(reverse("article-list"))
        self.assertNotContains(response, "Integration Test Article")

        # Step 3: Editor publishes article
        self.client.force_login(self.editor)
        response = self.client.post(reverse("article-publish", kwargs={"pk": article.pk}))
        self.assertEqual(response.status_code, 302)

        article.refresh_from_db()
        self.assertEqual(article.status, "published")

        # Step 4: Reader can now see article
        self.client.force_login(self.reader)
        response = self.client.get(reverse("article-list"))
        self.assertContains(response, "Integration Test Article")

        # Step 5: Reader can view detail
        response = self.client.get(reverse("article-detail", kwargs={"slug": article.slug}))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This is the content.")


class CommentIntegrationTests(TestCase):
    def setUp(self):
        self.user = User.objects.create_user("test", "test@test.com", "pass")
        self.article = Article.objects.create(
            title="Test Article", body="Content", status="published", author=self.user
        )

    def test_comment_flow(self):
        """Test commenting on an article."""
        self.client.force_login(self.user)

        # Post comment
        response = self.client.post(
            reverse("comment-create", kwargs={"article_pk": self.article.pk}), {"body": "Great article!"}
        )
        self.assertEqual(response.status_code, 302)

        # Verify comment exists
        self.assertEqual(self.article.comments.count(), 1)
        comment = self.article.comments.first()
        self.assertEqual(comment.body, "Great article!")
        self.assertEqual(comment.author, self.user)

        # Comment appears on article page
        response = self.client.get(reverse("article-detail", kwargs={"slug": self.article.slug}))
        self.assertContains(response, "Great article!")


class EmailIntegrationTests(TestCase):
    def test_registration_sends_welcome_email(self):
        """Test that registration sends a welcome email."""
        response = self.client.post(
            reverse("register"),
            {
                "username": "newuser",
                "email": "new@example.com",
                "password1": "complexpass123",
                "password2": "complexpass123",
            },
        )

        # Check redirect (successful registration)
        self.assertEqual(response.status_code, 302)

        # Verify email sent
        self.assertEqual(len(mail.outbox), 1)
        email = mail.outbox[0]
        self.assertEqual(email.subject, "Welcome to Our Site!")
        self.assertEqual(email.to, ["new@example.com"])
        self.assertIn("newuser", email.body)

    def test_password_reset_flow(self):
        """Test complete password reset flow."""
        user = User.objects.create_user("test", "test@test.com", "oldpass")

        # Request reset
        response = self.client.post(reverse("password_reset"), {"email": "test@test.com"})
        self.assertEqual(response.status_code, 302)

        # Get token from email
        self.assertEqual(len(mail.outbox), 1)
        email_body = mail.outbox[0].body

        # Extract reset link (simplified)
        match = re.search(r"/reset/(\S+)/(\S+)/", email_body)
        uidb64, token = match.groups()

        # Complete reset
        # Changed from the lesson: Django's view takes the token out of the URL (so that it
        # cannot leak through the Referer header) and redirects to /reset/<uidb64>/set-password/,
        # which is where the new password is accepted.
        response = self.client.get(
            reverse("password_reset_confirm", kwargs={"uidb64": uidb64, "token": token}), follow=True
        )
        set_password_url = response.redirect_chain[-1][0]
        self.assertEqual(set_password_url, f"/reset/{uidb64}/set-password/")
        response = self.client.post(set_password_url, {"new_password1": "newpass123", "new_password2": "newpass123"})

        # Verify new password works
        user.refresh_from_db()
        self.assertTrue(user.check_password("newpass123"))


# Renamed from the lesson's ArticleWorkflowTests, which would hide the class above.
class ArticleWorkflowCodeExampleTests(TestCase):
    def setUp(self):
        self.user = User.objects.create_user("author", "author@test.com", "pass")

    def test_create_and_view_article(self):
        self.client.force_login(self.user)
        # Create article
        self.client.post(
            reverse("article-create"),
            {
                "title": "Integration Test",
                "body": "Content",
                "status": "published",
            },
        )
        # Verify it appears in list
        response = self.client.get(reverse("article-list"))
        self.assertContains(response, "Integration Test")
