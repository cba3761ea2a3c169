from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.views import View
from django.views.generic import CreateView, DeleteView, DetailView, ListView, UpdateView

from articles import services
from articles.forms import ArticleEditForm, ArticleForm, CommentForm
from articles.models import Article
from newsroom.sent_once import SentOnceMixin
from newsroom.views import NotAllowedPageMixin


class ArticleListView(ListView):
    """The front page: published articles, newest first, for everyone."""

    queryset = Article.objects.published().select_related("author")
    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginate_by = 20


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"
    comment_form = None

    def get_queryset(self):
        # A draft someone may not see is a 404, exactly like a page that does not exist.
        return Article.objects.visible_to(self.request.user).select_related("author")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article, user = self.object, self.request.user
        context.update(
            comments=article.comments.select_related("author"),
            comment_form=self.comment_form or CommentForm(),
            can_publish=not article.is_published() and services.can_publish(user, article),
            can_change=services.can_change(user, article),
        )
        return context


class ArticleCreateView(LoginRequiredMixin, SentOnceMixin, CreateView):
    form_class = ArticleForm
    template_name = "articles/article_form.html"

    def form_valid(self, form):
        data = form.cleaned_data
        self.object = services.write_article(self.request.user, data["title"], data["body"], data["status"])
        if self.object.is_published():
            messages.success(self.request, f"“{self.object}” is published.")
        else:
            messages.success(self.request, f"“{self.object}” is saved as a draft.")
        return redirect(self.object)


class AuthorOnlyMixin(LoginRequiredMixin):
    """Edit and delete: the article must be visible to this person, and theirs."""

    def get_queryset(self):
        return Article.objects.visible_to(self.request.user)

    def get_object(self, queryset=None):
        article = super().get_object(queryset)
        services.check_can_change(self.request.user, article)
        return article


class ArticleUpdateView(AuthorOnlyMixin, SentOnceMixin, UpdateView):
    form_class = ArticleEditForm
    template_name = "articles/article_edit.html"

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, f"“{self.object}” is saved.")
        return response


class ArticleDeleteView(AuthorOnlyMixin, SentOnceMixin, DeleteView):
    template_name = "articles/article_confirm_delete.html"
    success_url = reverse_lazy("dashboard")

    def form_valid(self, form):
        title = self.object.title
        response = super().form_valid(form)
        messages.success(self.request, f"“{title}” is deleted.")
        return response


class FormOnlyView(LoginRequiredMixin, NotAllowedPageMixin, View):
    """An address that takes only its page's form: a link to it says so and changes nothing."""

    http_method_names = ["post"]


class ArticlePublishView(SentOnceMixin, FormOnlyView):
    def post(self, request, pk):
        # A draft this person may not see is a 404 here too, as on its page: the address tells nothing.
        article = get_object_or_404(Article.objects.visible_to(request.user), pk=pk)
        services.publish_article(article, by=request.user)
        messages.success(request, f"“{article}” is published.")
        return redirect(article)


class CommentCreateView(SentOnceMixin, FormOnlyView):
    def post(self, request, article_pk):
        article = get_object_or_404(Article.objects.published(), pk=article_pk)
        form = CommentForm(request.POST)
        if not form.is_valid():
            # Show the article again with the refused comment and its error.
            view = ArticleDetailView(request=request, kwargs={"slug": article.slug})
            view.object = article
            view.comment_form = form
            return view.render_to_response(view.get_context_data())
        form.instance.article = article
        form.instance.author = request.user
        form.save()
        messages.success(request, "Your comment is added.")
        return redirect(article)
