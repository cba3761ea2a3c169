from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.views.generic import CreateView, TemplateView

from accounts.emails import send_welcome_email
from accounts.forms import RegistrationForm
from articles.models import Article


class RegisterView(CreateView):
    form_class = RegistrationForm
    template_name = "registration/register.html"

    def form_valid(self, form):
        user = form.save()
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        send_welcome_email(user)
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
