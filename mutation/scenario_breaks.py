#!/usr/bin/env python3
"""Every scenario, and a break of the site that it must catch (`make scenario-breaks`).

A scenario that cannot fail is a defect. For each scenario below, one change to
the site that breaks the behaviour it describes is applied to a copy of the
project, the scenario runs alone, and it must fail. A scenario that still passes
is printed as MISSED and the script fails. The scenarios about the ways around a
rule (requests no page offers, pages on other sites, variants of input) have
their breaks in rule_breaks.py, which `make scenario-breaks` runs next.
"""

import sys
import tempfile
from pathlib import Path

from breaks import Break, copy_project, scenario_fails

A, ACC = "site/articles", "site/accounts"
TEMPLATES = "site/templates"
REGISTRATION = f"{ACC}/templates/registration"
PUBLISHED_FOR_ITS_AUTHOR = (
    "get_object_or_404(Article.objects.visible_to(request.user), pk=pk)\n"
    "        services.publish_article(article, by=request.user)",
    "get_object_or_404(Article, pk=pk)\n        services.publish_article(article, by=article.author)",
)
SKIP_PASSWORD_CHECK = "    def validate_passwords(self, *args, **kwargs):\n        return None\n\n"

# Each scenario, by its name or part of it (every scenario whose name holds it: an outline's examples all),
# and the break it must catch.
BREAKS = [
    Break(
        "A new draft is hidden from readers",
        f"{A}/views.py",
        'queryset = Article.objects.published().select_related("author")',
        'queryset = Article.objects.select_related("author")',
    ),
    Break(
        "An editor publishes a draft and readers can read it",
        f"{A}/services.py",
        'article.author_id == user.pk or user.has_perm("articles.publish_article")',
        "article.author_id == user.pk",
    ),
    Break(
        "Who may publish a draft",
        # A draft nobody else may see is a 404 before anyone asks who may publish it: only a
        # view that finds every article and publishes it for its author lets anyone publish.
        f"{A}/views.py",
        *PUBLISHED_FOR_ITS_AUTHOR,
    ),
    Break(
        "A title may have up to 200 characters", f"{A}/models.py", "TITLE_MAX_LENGTH = 200", "TITLE_MAX_LENGTH = 250"
    ),
    Break(
        "A reader cannot publish someone else's draft",
        # A draft nobody else may see is a 404 before anyone asks who may publish it: only a
        # view that finds every article and publishes it for its author lets anyone publish.
        f"{A}/views.py",
        *PUBLISHED_FOR_ITS_AUTHOR,
    ),
    Break(
        "An author publishes her own article straight away",
        f"{A}/views.py",
        "is_published() and services.can_publish(user, article)",
        "is_published() or services.can_publish(user, article)",
    ),
    Break("An author edits her draft", f"{A}/forms.py", 'fields = ["title", "body"]', 'fields = ["title"]'),
    Break(
        "An author corrects her published article",
        f"{A}/models.py",
        "Q(status=Article.Status.PUBLISHED) | Q(author=user)",
        "Q(status=Article.Status.PUBLISHED) ^ Q(author=user)",
    ),
    Break(
        "An author deletes her draft",
        f"{A}/views.py",
        "title = self.object.title\n        response = super().form_valid(form)",
        'title = self.object.title\n        response = redirect("dashboard")',
    ),
    Break(
        "Nobody else may edit an author's article",
        f"{A}/services.py",
        "return user.is_authenticated and article.author_id == user.pk",
        "return user.is_authenticated",
    ),
    Break(
        "Two articles with the same title each keep their own address",
        f"{A}/models.py",
        'slugify(self.title) or "article"',
        '"article"',
    ),
    Break("Older articles move to the next page", f"{A}/views.py", "paginate_by = 20", "paginate_by = 25"),
    Break(
        "A visitor is asked to sign in before writing",
        f"{A}/views.py",
        "class ArticleCreateView(LoginRequiredMixin, SentOnceMixin, CreateView):",
        "class ArticleCreateView(SentOnceMixin, CreateView):",
    ),
    Break(
        "A reader's comment appears under the article with her name",
        f"{A}/views.py",
        "form.instance.author = request.user",
        "form.instance.author = article.author",
    ),
    Break(
        "A comment with no text is refused",
        f"{A}/forms.py",
        'error_messages = {"body": {"required": "A comment cannot be empty."}}',
        "error_messages = {}",
    ),
    Break(
        "HTML in a comment shows as plain text",
        f"{A}/templates/articles/article_detail.html",
        "{{ comment.body }}",
        "{{ comment.body|safe }}",
    ),
    Break(
        "A visitor is asked to sign in to comment",
        f"{A}/templates/articles/article_detail.html",
        '">Sign in to comment</a>',
        '">Sign in</a>',
    ),
    Break("Nina registers and is welcomed", f"{ACC}/views.py", "        send_welcome_email(self.request, user)\n", ""),
    Break(
        "Registering with passwords that differ is refused",
        f"{ACC}/forms.py",
        "    def clean_email(self):",
        SKIP_PASSWORD_CHECK + "    def clean_email(self):",
    ),
    Break(
        "Registering with a taken email is refused",
        f"{ACC}/forms.py",
        "if email_taken(email):",
        "if False:",
    ),
    Break(
        "Registering with an invalid email is refused",
        f"{ACC}/forms.py",
        # The form's field and the model's both check the address: both must go.
        ("email = forms.EmailField(", 'fields = ["username", "email"]'),
        ("email = forms.CharField(", 'fields = ["username"]'),
    ),
    Break(
        "Registering with a weak password is refused",
        "site/newsroom/settings.py",
        '    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},\n',
        "",
    ),
    Break(
        "Rita resets her password and signs in with the new one",
        f"{REGISTRATION}/password_reset_email.html",
        "{% url 'password_reset_confirm' uidb64=uid token=token %}",
        "/reset/",
    ),
    Break(
        "A reset link works only once",
        f"{REGISTRATION}/password_reset_confirm.html",
        "{% if validlink %}",
        "{% if True %}",
    ),
    Break(
        "New passwords that differ are refused",
        f"{TEMPLATES}/form_fields.html",
        '{% if field.errors %}<div class="errors" role="alert">{{ field.errors }}</div>{% endif %}',
        "",
    ),
    Break(
        "An unknown address gets the same answer and no email",
        f"{REGISTRATION}/password_reset_done.html",
        "<h1>Check your email</h1>",
        "<h1>No account uses that address</h1>",
    ),
    Break(
        "Rita signs in and lands on her dashboard",
        "site/newsroom/settings.py",
        'LOGIN_REDIRECT_URL = "dashboard"',
        'LOGIN_REDIRECT_URL = "article-list"',
    ),
    Break(
        "A wrong password is refused",
        f"{TEMPLATES}/form_fields.html",
        '{% if form.non_field_errors %}<div class="errors" role="alert">{{ form.non_field_errors }}</div>{% endif %}',
        "",
    ),
    Break(
        "Rita signs out",
        f"{TEMPLATES}/base.html",
        '<form method="post" action="{% url \'logout\' %}"',
        '<form method="get" action="{% url \'logout\' %}"',
    ),
    # Everyone can use the newsroom: each break leaves the page working with a mouse.
    Break(
        "The first Tab on a page offers to skip past the menu",
        f"{TEMPLATES}/base.html",
        '  <a class="skip-link" href="#content">Skip to the content</a>\n',
        "",
    ),
    Break(
        "A reader reads an article with the keyboard alone",
        f"{A}/templates/articles/article_list.html",
        '<h2><a href="{{ article.get_absolute_url }}">',
        '<h2><a href="{{ article.get_absolute_url }}" tabindex="-1">',
    ),
    Break(
        "An author writes and publishes an article with the keyboard alone",
        f"{A}/forms.py",
        'widgets = {"status": forms.RadioSelect}',
        'widgets = {"status": forms.RadioSelect(attrs={"tabindex": "-1"})}',
    ),
    Break(
        "A reader comments with the keyboard alone",
        f"{A}/templates/articles/article_detail.html",
        '<button type="submit">Add comment</button>',
        '<button type="submit" tabindex="-1">Add comment</button>',
    ),
    Break(
        "A newcomer registers with the keyboard alone",
        f"{ACC}/forms.py",
        "email = forms.EmailField(",
        'email = forms.EmailField(widget=forms.EmailInput(attrs={"tabindex": "-1"}), ',
    ),
    Break(
        "A reader signs in with the keyboard alone",
        f"{REGISTRATION}/login.html",
        '<button type="submit">Sign in</button>',
        '<button type="button" onclick="this.form.submit()">Sign in</button>',
    ),
    Break(
        "A reader resets her password with the keyboard alone",
        f"{REGISTRATION}/password_reset_confirm.html",
        '<button type="submit">Change my password</button>',
        '<button type="button" onclick="this.form.submit()">Change my password</button>',
    ),
    Break(
        "is announced by its title and one main heading",
        f"{TEMPLATES}/base.html",
        "<title>{% block title %}Newsroom{% endblock %} · Newsroom</title>",
        "<title>Newsroom</title>",
    ),
    Break(
        "Help with a field is announced with the field",
        f"{TEMPLATES}/form_fields.html",
        ' id="{{ field.auto_id }}_helptext"',
        "",
    ),
    Break(
        "A refused email address is announced with its field",
        f"{TEMPLATES}/form_fields.html",
        '<div class="errors" role="alert">{{ field.errors }}</div>',
        '<div class="errors" role="alert">{{ field.errors.as_text }}</div>',
    ),
    Break(
        "An empty comment is announced with the comment field",
        f"{A}/templates/articles/article_detail.html",
        '{% include "form_fields.html" with form=comment_form %}',
        '<label for="id_body">Your comment</label> <textarea id="id_body" name="body"></textarea>'
        "{{ comment_form.body.errors }}",
    ),
    Break(
        "A wrong password is announced as soon as the page opens",
        f"{TEMPLATES}/form_fields.html",
        '<div class="errors" role="alert">{{ form.non_field_errors }}</div>',
        '<div class="errors">{{ form.non_field_errors }}</div>',
    ),
]


def main():
    missed = []
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "project"
        copy_project(project)
        for each in BREAKS:
            if scenario_fails(project, each.scenario):
                print(f"FAILS   {each.scenario}  (already without the break: fix it first)", flush=True)
                missed.append(each.scenario)
                continue
            with each.applied(project):
                caught = scenario_fails(project, each.scenario)
            print(f"{'caught' if caught else 'MISSED':<7} {each.scenario}  <-  {each.file}: {each.where}", flush=True)
            if not caught:
                missed.append(each.scenario)
    print(f"{len(BREAKS) - len(missed)} of {len(BREAKS)} breaks caught by their scenario")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
