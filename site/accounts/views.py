from datetime import timedelta
from http import HTTPStatus

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.models import User
from django.shortcuts import redirect, render
from django.views.generic import CreateView, TemplateView

from accounts.emails import send_welcome_email
from accounts.forms import PasswordResetForm, RegistrationForm
from articles.models import Article
from newsroom.sent_once import SentOnceMixin
from newsroom.views import NotAllowedPageMixin


class RegisterView(SentOnceMixin, CreateView):
    form_class = RegistrationForm
    template_name = "registration/register.html"

    def form_valid(self, form):
        user = form.save()
        self.welcome(user)
        send_welcome_email(self.request, user)
        return redirect("dashboard")

    def welcome(self, user):
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(self.request, f"Welcome aboard, {user.username}! We have sent you an email.")

    def sent_again(self, request, first):
        # A double click's second request carries the cookies from before the first answer,
        # which signed her in: her password, sent again with it, signs her in again.
        user = User.objects.filter(pk=first.get("user")).first()
        if user and not request.user.is_authenticated and user.check_password(request.POST.get("password1", "")):
            self.welcome(user)
        return super().sent_again(request, first)


class DashboardView(LoginRequiredMixin, TemplateView):
    template_name = "accounts/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["my_articles"] = user.articles.order_by("-created_at")
        if user.has_perm("articles.publish_article"):
            context["drafts_to_publish"] = Article.objects.drafts().exclude(author=user).select_related("author")
        return context


def signing_in_locked(request, original_response=None, credentials=None):
    """django-axes' answer to a sign-in while its username is locked: the same page for every username."""
    minutes = settings.AXES_COOLOFF_TIME // timedelta(minutes=1)
    return render(request, "registration/locked_out.html", {"minutes": minutes}, status=HTTPStatus.TOO_MANY_REQUESTS)


class PasswordResetView(SentOnceMixin, auth_views.PasswordResetView):
    form_class = PasswordResetForm


class PasswordResetConfirmView(SentOnceMixin, auth_views.PasswordResetConfirmView):
    """Django's: a second click of its button finds the page the first led to, not a spent link."""


class PasswordChangeView(SentOnceMixin, auth_views.PasswordChangeView):
    pass


class SignOutView(NotAllowedPageMixin, auth_views.LogoutView):
    """Django's sign-out, which takes only its form: a link or an image that asks for it gets a page saying so."""
