from datetime import timedelta
from http import HTTPStatus

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import LogoutView
from django.shortcuts import redirect, render
from django.views.generic import CreateView, TemplateView

from accounts.emails import send_welcome_email
from accounts.forms import RegistrationForm
from articles.models import Article
from newsroom.views import NotAllowedPageMixin


class RegisterView(CreateView):
    form_class = RegistrationForm
    template_name = "registration/register.html"

    def form_valid(self, form):
        user = form.save()
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        send_welcome_email(self.request, user)
        messages.success(self.request, f"Welcome aboard, {user.username}! We have sent you an email.")
        return redirect("dashboard")


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


class SignOutView(NotAllowedPageMixin, LogoutView):
    """Django's sign-out, which takes only its form: a link or an image that asks for it gets a page saying so."""
