#!/usr/bin/env python3
"""Every way each rule of the site can be broken, and the scenario that catches it (`make rule-breaks`).

A rule is specified only when a scenario fails for every way it can be broken:
through the page, around it (a request no page offers, a link where a form is
expected, the address of something the person may not see, a page on another
site sending a form while the person is signed in here), and with variants of
the same input that the rule should not care about.

Each way below comes with a break of the site that opens it. The break is applied
to a copy of the project, the scenario runs alone in the client run, and again in
the browser for the ways that only a browser takes (a page on another site); the
scenario must fail every time. Ways through the page reuse the breaks of
`scenario_breaks.py`. A way names its scenario; its rule is the `Rule:` that
scenario sits under in features/. Results go to reports/rule_breaks.json.
"""

import json
import sys
import tempfile
from dataclasses import asdict, replace
from pathlib import Path

from breaks import ROOT, Break, copy_project, rule_of, scenario_fails
from scenario_breaks import BREAKS as SCENARIO_BREAKS

A, ACC = "site/articles", "site/accounts"
PAGE, AROUND, OTHER_SITE, VARIANT = "through the page", "around the page", "from another site", "a variant of the input"
# What a script on the page or the browser's cookie rules decide: the client answers from the flags, a browser for real.
IN_BROWSER = "in the browser"
LOOKALIKES = f"{ACC}/lookalikes.py"
# Ways that a page keeps its promise in part: to the wrong article or person, not after a change, with
# something the person may not see, as many times or in an order it should not, or on every instance but one.
WRONG_TARGET, LOST_ON_EDIT, LEAKED = "the wrong one", "lost on a change", "leaked"
COUNTED_WRONG, ONE_OF_MANY = "counted wrong", "one instance of many"
CSRF_EXEMPT = "@method_decorator(csrf_exempt, name='dispatch')\n"
EXEMPT_IMPORTS = (
    "from django.views import View\n",
    "from django.utils.decorators import method_decorator\nfrom django.views import View\n"
    "from django.views.decorators.csrf import csrf_exempt\n",
)

# The pages still offer editors no Edit or Delete; only a request sent by hand finds the gap.
EDITORS_MAY_CHANGE = (
    f"{A}/services.py",
    "    if not can_change(user, article):",
    '    if not (can_change(user, article) or user.has_perm("articles.publish_article")):',
)


def way(how, tried, scenario, file, old, new):
    """A way around the rule that `scenario` sits under, and the break of `file` that opens it."""
    return Break(scenario, file, old, new, tried=tried, how=how)


def through_page(tried, scenario, how=PAGE):
    """A way (through the page, unless told) with the break that scenario_breaks.py applies to its scenario."""
    found = [b for b in SCENARIO_BREAKS if b.scenario == scenario]
    if not found:
        raise SystemExit(f"scenario_breaks.py has no break for “{scenario}”: name one of its scenarios.")
    return replace(found[0], tried=tried, how=how)


def drivers(way):
    # A browser is what sends another site's form with the newsroom's cookies, and what shows or
    # refuses a frame: check those ways, and every scenario about another site, there too.
    about_other_site = way.how in (OTHER_SITE, IN_BROWSER) or "another site cannot" in way.scenario
    return ("client", "browser") if about_other_site else ("client",)


def exempt(view):
    """A view that skips the CSRF check: the break that opens it to pages on other sites."""
    return (EXEMPT_IMPORTS[0], f"class {view}("), (EXEMPT_IMPORTS[1], f"{CSRF_EXEMPT}class {view}(")


WAYS = [
    through_page("the front page lists a draft", "A new draft is hidden from readers"),
    way(
        AROUND,
        "a reader opens the address of someone else's draft",
        "A new draft is hidden from readers",
        f"{A}/views.py",
        'Article.objects.visible_to(self.request.user).select_related("author")',
        'Article.objects.select_related("author")',
    ),
    way(
        AROUND,
        "a visitor opens the address of a draft",
        "Who may publish a draft: Rita publishing Alice's",
        f"{A}/models.py",
        "        return self.published()\n",
        "        return self.all()\n",
    ),
    way(
        AROUND,
        "a reader opens the edit or delete address of someone else's draft, and learns that it exists",
        "A new draft is hidden from readers",
        f"{A}/views.py",
        "        return Article.objects.visible_to(self.request.user)\n",
        "        return Article.objects.all()\n",
    ),
    way(
        PAGE,
        "a reader's dashboard lists everyone's articles",
        "A dashboard lists exactly its person's articles",
        f"{ACC}/views.py",
        'user.articles.order_by("-created_at")',
        'Article.objects.order_by("-created_at")',
    ),
    way(
        PAGE,
        "a reader's dashboard lists the drafts waiting for an editor",
        "A dashboard lists exactly its person's articles",
        f"{ACC}/views.py",
        'if user.has_perm("articles.publish_article"):',
        "if True:",
    ),
    way(
        AROUND,
        "a reader sends a comment on a draft by hand, to be shown once it is published",
        "Nobody comments on a draft, not even by hand",
        f"{A}/views.py",
        "get_object_or_404(Article.objects.published(), pk=article_pk)",
        "get_object_or_404(Article, pk=article_pk)",
    ),
    through_page("an editor cannot publish", "An editor publishes a draft and readers can read it"),
    through_page("anyone signed in may publish", "Who may publish a draft"),
    through_page("a reader sends a publish request by hand", "A reader cannot publish someone else's draft", AROUND),
    way(
        AROUND,
        "a link (a GET, which any page or email can make a browser send) publishes",
        'A link followed by Eddie cannot publish "Spring fair"',
        f"{A}/views.py",
        "class ArticlePublishView(SentOnceMixin, FormOnlyView):\n",
        "class ArticlePublishView(SentOnceMixin, FormOnlyView):\n"
        '    http_method_names = ["get", "post"]\n\n'
        "    def get(self, request, pk):\n        return self.post(request, pk)\n\n",
    ),
    way(
        OTHER_SITE,
        "a page on another site sends the publish form while an editor is signed in",
        "A page on another site cannot publish a draft through an editor",
        f"{A}/views.py",
        *exempt("ArticlePublishView"),
    ),
    way(
        OTHER_SITE,
        "no form of the site is checked for where it came from",
        "A page on another site cannot publish a draft through an editor",
        "site/newsroom/settings.py",
        '    "django.middleware.csrf.CsrfViewMiddleware",\n',
        "",
    ),
    through_page("others are offered Edit and Delete", "Nobody else may edit an author's article"),
    way(
        AROUND,
        "a reader sends new text for someone else's article by hand",
        "Nobody else may change an author's article by hand, not even Rita",
        f"{A}/views.py",
        "        services.check_can_change(self.request.user, article)\n",
        "",
    ),
    way(
        AROUND,
        "an editor sends new text for an author's article by hand",
        "Nobody else may change an author's article by hand, not even Eddie",
        *EDITORS_MAY_CHANGE,
    ),
    way(
        AROUND,
        "an editor sends a deletion of an author's article by hand",
        "Nobody else may delete an author's article by hand, not even Eddie",
        *EDITORS_MAY_CHANGE,
    ),
    way(
        AROUND,
        "a reader sends a deletion of someone else's article by hand",
        "Nobody else may delete an author's article by hand, not even Rita",
        f"{A}/views.py",
        "class ArticleDeleteView(AuthorOnlyMixin, SentOnceMixin, DeleteView):",
        "class ArticleDeleteView(LoginRequiredMixin, SentOnceMixin, DeleteView):\n    model = Article",
    ),
    way(
        AROUND,
        "a link to the delete address deletes without asking",
        "A link to delete an article asks before it deletes",
        f"{A}/views.py",
        "    def form_valid(self, form):\n        title = self.object.title",
        "    def get(self, request, *args, **kwargs):\n        self.object = self.get_object()\n"
        "        return self.form_valid(None)\n\n    def form_valid(self, form):\n        title = self.object.title",
    ),
    way(
        OTHER_SITE,
        "a page on another site sends new text while the author is signed in",
        "A page on another site cannot change an author's article through her",
        f"{A}/views.py",
        *exempt("ArticleUpdateView"),
    ),
    way(
        OTHER_SITE,
        "a page on another site sends a deletion while the author is signed in",
        "A page on another site cannot delete an author's article through her",
        f"{A}/views.py",
        *exempt("ArticleDeleteView"),
    ),
    way(
        AROUND,
        "a request names another person as the article's author",
        "An article is by whoever writes it, whatever name the request gives",
        f"{A}/views.py",
        "services.write_article(self.request.user,",
        "services.write_article(\n"
        '            self.request.user.__class__.objects.filter(pk=self.request.POST.get("author")).first()\n'
        "            or self.request.user,",
    ),
    through_page("a visitor may write", "A visitor is asked to sign in before writing"),
    through_page(
        "a second article with the same title takes the first one's address",
        "Two articles with the same title each keep their own address",
    ),
    way(
        VARIANT,
        "a title that differs only in letter case and punctuation takes the first one's address",
        'Two articles with the same title each keep their own address: "Spring fair" and "Spring Fair!"',
        f"{A}/models.py",
        "Article.objects.filter(slug=slug).exists()",
        "Article.objects.filter(slug=slug, title=self.title).exists()",
    ),
    through_page(
        "a comment is credited to someone else",
        "A reader's comment appears under the article with her name",
    ),
    through_page("an empty comment is taken", "A comment with no text is refused"),
    way(
        VARIANT,
        "a comment of only spaces is taken",
        "A comment of only spaces is refused",
        f"{A}/forms.py",
        # Unstripped spaces would still show nothing to the form's own check: it goes too.
        ("class CommentForm(forms.ModelForm):\n", "        if shows_nothing(body):\n"),
        (
            "class CommentForm(forms.ModelForm):\n    def __init__(self, *args, **kwargs):\n"
            '        super().__init__(*args, **kwargs)\n        self.fields["body"].strip = False\n\n',
            "        if False:\n",
        ),
    ),
    way(
        AROUND,
        "a request names another person as the comment's author",
        "A comment shows who sent it, whatever name the request gives",
        f"{A}/views.py",
        "form.instance.author = request.user",
        'form.instance.author_id = request.POST.get("author", request.user.pk)',
    ),
    way(
        AROUND,
        "a visitor sends a comment by hand",
        "A visitor's comment sent without the form is refused",
        f"{A}/views.py",
        "class CommentCreateView(SentOnceMixin, FormOnlyView):",
        'class CommentCreateView(View):\n    http_method_names = ["post"]\n',
    ),
    way(
        OTHER_SITE,
        "a page on another site sends a comment while a reader is signed in",
        "A page on another site cannot comment in a reader's name",
        f"{A}/views.py",
        *exempt("CommentCreateView"),
    ),
    through_page("HTML in a comment runs", "HTML in a comment shows as plain text"),
    way(
        VARIANT,
        "HTML in a title runs in the message that confirms it",
        "HTML in a title shows as plain text",
        "site/templates/base.html",
        "{{ message }}",
        "{{ message|safe }}",
    ),
    way(
        VARIANT,
        "HTML in a title runs on the front page",
        "HTML in a title shows as plain text",
        f"{A}/templates/articles/article_list.html",
        "{{ article.title }}</a>",
        "{{ article.title|safe }}</a>",
    ),
    way(
        VARIANT,
        "HTML in a title runs on the article's page",
        "HTML in a title shows as plain text",
        f"{A}/templates/articles/article_detail.html",
        "<h1>{{ article.title }}</h1>",
        "<h1>{{ article.title|safe }}</h1>",
    ),
    through_page("a taken email is accepted", "Registering with a taken email is refused"),
    way(
        VARIANT,
        "a taken username in other letters is accepted",
        "Registering with a taken username in other letters is refused",
        LOOKALIKES,
        'normalize("NFKC", name).casefold()',
        'normalize("NFKC", name)',
    ),
    way(
        VARIANT,
        "a taken email in other letters is accepted",
        "Registering with a taken email in other letters is refused",
        LOOKALIKES,
        'normalize("NFKC", address).casefold()',
        'normalize("NFKC", address)',
    ),
    way(
        AROUND,
        "a registration sent by hand asks for staff rights",
        "Nina cannot make herself staff by registering by hand",
        f"{ACC}/forms.py",
        'fields = ["username", "email"]',
        'fields = ["username", "email", "is_staff"]',
    ),
    through_page("signing in leads elsewhere", "Rita signs in and lands on her dashboard"),
    way(
        OTHER_SITE,
        "a page on another site signs a visitor in to an account of its choosing",
        "A page on another site cannot sign a visitor in to someone else's account",
        "site/newsroom/urls.py",
        # Django's own sign-in view checks the token whatever the settings say: only a view
        # of the site's own, exempted from the check, opens this way.
        ("from django.urls import", "urlpatterns = [", '    path("", include("django.contrib.auth.urls")),'),
        (
            "from django.contrib.auth import login\nfrom django.contrib.auth.forms import AuthenticationForm\n"
            "from django.shortcuts import redirect, render\nfrom django.views.decorators.csrf import csrf_exempt\n"
            "from django.urls import",
            "@csrf_exempt\ndef sign_in(request):\n"
            "    form = AuthenticationForm(request, data=request.POST or None)\n"
            "    if form.is_valid():\n        login(request, form.get_user())\n        return redirect('dashboard')\n"
            "    return render(request, 'registration/login.html', {'form': form})\n\n\nurlpatterns = [",
            '    path("login/", sign_in, name="login"),\n    path("", include("django.contrib.auth.urls")),',
        ),
    ),
    through_page("signing out by a link, which any page can make a browser follow", "Rita signs out"),
    way(
        AROUND,
        "a copy of the session cookie still works after its person signed out",
        "A copy of Rita's session cookie stops working when she signs out",
        "site/newsroom/settings.py",
        'MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"\n',
        'MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"\n'
        'SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"\n',
    ),
    through_page("the emailed link does not work", "Rita resets her password and signs in with the new one"),
    through_page("a spent link works again", "A reset link works only once"),
    through_page("new passwords that differ are taken", "New passwords that differ are refused"),
    through_page("an unknown address is told so", "An unknown address gets the same answer and no email"),
    way(
        OTHER_SITE,
        "a page on another site shows a newsroom page in a frame, under something that invites a click",
        "A page on another site cannot show the front page to trick a click on it",
        "site/newsroom/settings.py",
        '    "django.middleware.clickjacking.XFrameOptionsMiddleware",\n',
        "",
    ),
    way(
        VARIANT,
        "a link to the sign-in page names another site to go on to",
        "A link to the sign-in page cannot send Rita on to another site",
        "site/newsroom/urls.py",
        ("from django.urls import", '    path("", include("django.contrib.auth.urls")),'),
        (
            "from django.contrib.auth.views import LoginView\nfrom django.urls import",
            '    path("login/", LoginView.as_view(success_url_allowed_hosts={"newsroom.example.net"}), name="login"),\n'
            '    path("", include("django.contrib.auth.urls")),',
        ),
    ),
]


URLS = "site/newsroom/urls.py"
REGISTRATION = f"{ACC}/templates/registration"


def own_view(imports, code, route):
    """newsroom/urls.py with a view defined there, at `route` before every other address."""
    return (
        URLS,
        ("from django.urls import", "urlpatterns = [\n"),
        (f"{imports}\nfrom django.urls import", f"{code}\n\n\nurlpatterns = [\n    {route},\n"),
    )


def sign_in_going_on(check):
    """Django's sign-in view, sending people on to wherever `check` (of `to`) allows."""
    return own_view(
        "from urllib.parse import urlsplit\nfrom django.contrib.auth.views import LoginView",
        "class SignIn(LoginView):\n    def get_redirect_url(self):\n"
        '        to = self.request.POST.get("next", self.request.GET.get("next", ""))\n'
        f"        return to if {check} else ''",
        'path("login/", SignIn.as_view(), name="login")',
    )


def on_ready(code):
    """accounts/apps.py changing Django's auth once the apps are loaded."""
    return f"{ACC}/apps.py", '    name = "accounts"\n', f'    name = "accounts"\n\n    def ready(self):\n{code}'


def template_field(template, field, kind="text"):
    """A template that writes one field by hand, of another kind than Django's form would."""
    return (
        f"{REGISTRATION}/{template}",
        '    {% include "form_fields.html" %}',
        "    {% for field in form %}{{ field.label_tag }}"
        f'{{% if field.name == "{field}" %}}<input type="{kind}" '
        'name="{{ field.html_name }}" id="{{ field.auto_id }}">'
        "{% else %}{{ field }}{% endif %}{% endfor %}",
    )


SIGN_OUT_ON_ANY_REQUEST = own_view(
    "from django.contrib.auth import logout\nfrom django.shortcuts import redirect",
    "def sign_out(request):\n    logout(request)\n    return redirect('login')",
    'path("logout/", sign_out, name="logout")',
)

# Keeping accounts safe: sessions, passwords, names, the sign-in lock, the addresses of drafts.
WAYS += [
    way(
        AROUND,
        "signing in keeps the session someone knew before (session fixation)",
        "A session someone knew before Rita signed in is not her signed-in one",
        *own_view(
            "from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY\n"
            "from django.contrib.auth.forms import AuthenticationForm\nfrom django.shortcuts import redirect, render",
            "def sign_in(request):\n    form = AuthenticationForm(request, data=request.POST or None)\n"
            "    if form.is_valid():\n        user = form.get_user()\n"
            "        request.session[SESSION_KEY] = str(user.pk)\n"
            "        request.session[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend'\n"
            "        request.session[HASH_SESSION_KEY] = user.get_session_auth_hash()\n"
            "        return redirect('dashboard')\n"
            "    return render(request, 'registration/login.html', {'form': form})",
            'path("login/", sign_in, name="login")',
        ),
    ),
    way(AROUND, "a link signs out", "A link cannot sign Rita out", *SIGN_OUT_ON_ANY_REQUEST),
    way(
        OTHER_SITE,
        "an image on a page of another site signs out",
        "An image on a page of another site cannot sign Rita out",
        *SIGN_OUT_ON_ANY_REQUEST,
    ),
    way(
        AROUND,
        "a session is tied to its account, not to its password, and outlives a reset",
        "Rita's other browser is signed out when she resets her password",
        *on_ready(
            "        from django.contrib.auth.models import AbstractBaseUser\n\n"
            "        AbstractBaseUser.get_session_auth_hash = lambda user: str(user.pk)\n"
        ),
    ),
    way(
        IN_BROWSER,
        "a script on the page reads the session cookie",
        "No script on a page can read the session cookie",
        "site/newsroom/settings.py",
        "SESSION_COOKIE_HTTPONLY = True",
        "SESSION_COOKIE_HTTPONLY = False",
    ),
    way(
        IN_BROWSER,
        "the session cookie goes without its SameSite flag, and a browser sends a fresh one with a form from anywhere",
        "A form sent from a page on another domain arrives without Rita's session",
        "site/newsroom/settings.py",
        'SESSION_COOKIE_SAMESITE = "Lax"',
        "SESSION_COOKIE_SAMESITE = None",
    ),
    # Client only: over the test server's plain HTTP, Chromium refuses a SameSite=None cookie outright.
    way(
        AROUND,
        "a form from another domain carries the session cookie (SameSite=None)",
        "A form sent from a page on another domain arrives without Rita's session",
        "site/newsroom/settings.py",
        'SESSION_COOKIE_SAMESITE = "Lax"',
        'SESSION_COOKIE_SAMESITE = "None"',
    ),
    way(
        PAGE,
        "the sign-in page shows the password as it is typed",
        "On the sign-in page a password hides as it is typed",
        *template_field("login.html", "password"),
    ),
    way(
        PAGE,
        "the registration page shows the password as it is typed",
        "On the registration page a password hides as it is typed",
        f"{ACC}/forms.py",
        "    def clean_username(self):",
        "    def __init__(self, *args, **kwargs):\n        super().__init__(*args, **kwargs)\n"
        '        self.fields["password2"].widget = forms.TextInput()\n\n    def clean_username(self):',
    ),
    way(
        PAGE,
        "the page to change a password shows the old one as it is typed",
        "On the page to change her password a password hides as it is typed",
        *template_field("password_change_form.html", "old_password"),
    ),
    way(
        PAGE,
        "the sign-in form sends the password in the address",
        "Signing in puts the password in no address",
        f"{REGISTRATION}/login.html",
        '<form method="post"',
        '<form method="get"',
    ),
    way(
        PAGE,
        "the welcome email tells the password",
        "The welcome email does not hold the password",
        f"{ACC}/views.py",
        ("from accounts.emails import send_welcome_email", "        send_welcome_email(self.request, user)\n"),
        (
            "from django.core.mail import send_mail\n\nfrom accounts.emails import WELCOME_SUBJECT, send_welcome_email",
            "        password = form.cleaned_data['password1']\n"
            "        body = f'Hello {user.username},\\nyour password is {password}.\\n'\n"
            "        send_mail(WELCOME_SUBJECT, body, None, [user.email])\n",
        ),
    ),
    way(
        VARIANT,
        "a password matches whatever its letter case (the hasher folds it)",
        "A password typed in small letters is refused",
        "site/newsroom/test_settings.py",
        'PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]',
        "from django.contrib.auth.hashers import MD5PasswordHasher\n\n\n"
        "class CaseBlindHasher(MD5PasswordHasher):\n"
        "    def encode(self, password, salt):\n        return super().encode(password.lower(), salt)\n\n\n"
        'PASSWORD_HASHERS = ["newsroom.test_settings.CaseBlindHasher"]',
    ),
    way(
        VARIANT,
        "signing in forgives Caps Lock (tries the password with its letter cases swapped)",
        "A password typed with Caps Lock on is refused",
        *on_ready(
            "        from django.contrib.auth.backends import ModelBackend\n\n"
            "        exact = ModelBackend.authenticate\n\n"
            "        def forgiving(backend, request, username=None, password=None, **kwargs):\n"
            "            return exact(backend, request, username, password, **kwargs) or (\n"
            "                password and exact(backend, request, username, password.swapcase(), **kwargs)\n"
            "            )\n\n"
            "        ModelBackend.authenticate = forgiving\n"
        ),
    ),
    way(
        PAGE,
        "wrong passwords are tried without end (the lock is off)",
        "Five wrong passwords for Rita's username lock it",
        "site/newsroom/settings.py",
        "AXES_RESET_ON_SUCCESS = True\n",
        "AXES_RESET_ON_SUCCESS = True\nAXES_ENABLED = False\n",
    ),
    way(
        AROUND,
        "failures are counted but nothing stands before the password check",
        "Once locked, even Rita's right password waits",
        "site/newsroom/settings.py",
        '    "axes.backends.AxesStandaloneBackend",\n',
        "",
    ),
    way(
        VARIANT,
        "only usernames with an account are locked, which tells who has one",
        "Five wrong passwords for a username nobody has lock it",
        "site/newsroom/settings.py",
        "AXES_RESET_ON_SUCCESS = True\n",
        "AXES_RESET_ON_SUCCESS = True\nAXES_WHITELIST_CALLABLE = lambda request, credentials: not __import__(\n"
        '    "django.contrib.auth.models", fromlist=["User"]\n'
        ').User.objects.filter(username=(credentials or {}).get("username")).exists()\n',
    ),
    way(
        AROUND,
        "the right password still signs in while the username is locked (the lock checked after the password)",
        "Once locked, even Rita's right password waits",
        "site/newsroom/settings.py",
        '    "axes.backends.AxesStandaloneBackend",\n    "django.contrib.auth.backends.ModelBackend",\n',
        '    "django.contrib.auth.backends.ModelBackend",\n    "axes.backends.AxesStandaloneBackend",\n',
    ),
    way(
        PAGE,
        "every reset request sends an email",
        "A flood of reset requests sends Rita three emails",
        f"{ACC}/forms.py",
        'if reset_email_allowed(self.cleaned_data["email"]):',
        "if True:",
    ),
    way(
        VARIANT,
        "each spelling of an address is counted apart",
        "A flood of reset requests sends Rita three emails",
        f"{ACC}/forms.py",
        "hashlib.sha256(email_key(address).encode())",
        "hashlib.sha256(address.encode())",
    ),
    way(
        VARIANT,
        "an address that starts with a slash is taken for one of the site's own",
        "Signing in through a link that names another site named without its scheme",
        *sign_in_going_on('to.startswith("/")'),
    ),
    way(
        VARIANT,
        "an address without a host is taken for one of the site's own",
        "Signing in through a link that names another site named after a backslash",
        *sign_in_going_on("not urlsplit(to).netloc"),
    ),
    way(
        VARIANT,
        "an address of the site's own host or none is taken, whatever its scheme",
        "Signing in through a link that names a script",
        *sign_in_going_on(
            'urlsplit(to).netloc in ("", self.request.get_host()) and not to.startswith("//") and "\\\\" not in to'
        ),
    ),
    way(
        AROUND,
        "the publish address of a draft tells a reader that it exists",
        "A reader cannot publish someone else's draft",
        f"{A}/views.py",
        "get_object_or_404(Article.objects.visible_to(request.user), pk=pk)",
        "get_object_or_404(Article, pk=pk)",
    ),
    way(
        AROUND,
        "the edit address of a draft tells a reader that it exists",
        "Rita finds nothing when she tries to change Alice's draft by hand",
        f"{A}/views.py",
        "        return Article.objects.visible_to(self.request.user)\n",
        "        return Article.objects.all()\n",
    ),
    way(
        AROUND,
        "the delete address of a draft tells a reader that it exists",
        "Rita finds nothing when she tries to delete Alice's draft by hand",
        f"{A}/views.py",
        "        return Article.objects.visible_to(self.request.user)\n",
        "        return Article.objects.all()\n",
    ),
    way(
        AROUND,
        "the comment address of a draft refuses in words that tell it exists",
        "Rita finds nothing when she tries to comment on Alice's draft by hand",
        f"{A}/views.py",
        ("from django.contrib import messages\n", "get_object_or_404(Article.objects.published(), pk=article_pk)"),
        (
            "from django.contrib import messages\nfrom django.core.exceptions import PermissionDenied\n",
            "get_object_or_404(Article, pk=article_pk)\n        if not article.is_published():\n"
            '            raise PermissionDenied("Comments open once an article is published.")',
        ),
    ),
    way(
        VARIANT,
        "a comment of characters drawn as nothing (a zero-width space) is taken",
        "A comment of only a zero-width space is refused",
        f"{A}/text.py",
        "        or icu.Char.hasBinaryProperty(character, icu.UProperty.DEFAULT_IGNORABLE_CODE_POINT)\n",
        "",
    ),
    way(
        VARIANT,
        "a comment of letters drawn blank (a blank braille pattern) is taken",
        "A comment of only a blank braille pattern and spaces is refused",
        f"{A}/text.py",
        'BLANK_GLYPHS = {"\\u2800"}',
        "BLANK_GLYPHS = set()",
    ),
    way(
        VARIANT,
        "a comment is checked only as Django strips it",
        "A comment of only a zero-width space is refused",
        f"{A}/forms.py",
        "        if shows_nothing(body):\n",
        "        if False:\n",
    ),
    way(
        VARIANT,
        "a taken email in wide (full-width) letters is accepted",
        "Registering with a taken email in wide letters is refused",
        LOOKALIKES,
        'return unicodedata.normalize("NFKC", address).casefold()',
        "return address.casefold()",
    ),
    way(
        VARIANT,
        "a username that looks the same in another script is accepted",
        "Registering with a taken username in look-alikes is refused",
        LOOKALIKES,
        'return checker.getSkeleton(icu.USpoofChecks.ANY_CASE, unicodedata.normalize("NFKC", name).casefold())',
        'return unicodedata.normalize("NFKC", name).casefold()',
    ),
]


# The ways a page keeps its promise only in part.
WAYS += [
    way(
        WRONG_TARGET,
        "a comment lands under another article than the one it was written for",
        "A reader's comment appears under the article with her name",
        f"{A}/views.py",
        "        form.instance.article = article\n",
        "        form.instance.article = Article.objects.published().exclude(pk=article.pk).first() or article\n",
    ),
    way(
        WRONG_TARGET,
        "a reset link changes another person's password",
        "Rita resets her password and signs in with the new one",
        "site/newsroom/urls.py",
        ("from django.urls import", '    path("", include("django.contrib.auth.urls")),'),
        (
            "from django.contrib.auth.views import PasswordResetConfirmView\n\n\n"
            "class ResetSomeoneElse(PasswordResetConfirmView):\n"
            "    def get_form_kwargs(self):\n"
            "        kwargs = super().get_form_kwargs()\n"
            "        others = type(self.user).objects.exclude(pk=self.user.pk).order_by('pk')\n"
            "        kwargs['user'] = others.first() or self.user\n"
            "        return kwargs\n\n\nfrom django.urls import",
            '    path("reset/<uidb64>/<token>/", ResetSomeoneElse.as_view(), name="password_reset_confirm"),\n'
            '    path("", include("django.contrib.auth.urls")),',
        ),
    ),
    way(
        WRONG_TARGET,
        "a dashboard lists everyone's published articles beside its person's own",
        "A dashboard lists exactly its person's articles",
        f"{ACC}/views.py",
        'user.articles.order_by("-created_at")',
        '(user.articles.all() | Article.objects.published()).order_by("-created_at")',
    ),
    way(
        WRONG_TARGET,
        "an editor who publishes a draft becomes its author",
        "An editor publishes a draft and readers can read it",
        f"{A}/services.py",
        '        article.save(update_fields=["status", "published_at", "updated_at"])',
        "        article.author = by\n"
        '        article.save(update_fields=["status", "author", "published_at", "updated_at"])',
    ),
    way(
        WRONG_TARGET,
        "an edit changes the author's other articles too",
        "An author edits her draft, and it stays her draft at its address",
        f"{A}/views.py",
        '        messages.success(self.request, f"“{self.object}” is saved.")',
        "        self.request.user.articles.update(body=self.object.body)\n"
        '        messages.success(self.request, f"“{self.object}” is saved.")',
    ),
    way(
        WRONG_TARGET,
        "deleting a draft deletes its author's other articles",
        "An author deletes her draft",
        f"{A}/views.py",
        "        title = self.object.title\n",
        "        title = self.object.title\n        self.object.author.articles.exclude(pk=self.object.pk).delete()\n",
    ),
    way(
        LOST_ON_EDIT,
        "an edit dates a published article anew",
        "An author corrects her published article and readers see the correction",
        f"{A}/models.py",
        "        if self.is_published() and self.published_at is None:",
        "        if self.is_published():",
    ),
    way(
        LOST_ON_EDIT,
        "a new title makes a new address, and links to the old one break",
        "An author changes the title of her published article, and its address and date stay",
        f"{A}/views.py",
        "    def form_valid(self, form):\n        response = super().form_valid(form)\n",
        "    def form_valid(self, form):\n"
        '        form.instance.slug = ""\n        response = super().form_valid(form)\n',
    ),
    way(
        LOST_ON_EDIT,
        "an edit turns a published article back into a draft",
        "An author corrects her published article and readers see the correction",
        f"{A}/views.py",
        "    def form_valid(self, form):\n        response = super().form_valid(form)\n",
        "    def form_valid(self, form):\n        form.instance.status = Article.Status.DRAFT\n"
        "        response = super().form_valid(form)\n",
    ),
    way(
        LOST_ON_EDIT,
        "a new title is not kept, only the text",
        "An author changes the title of her published article, and its address and date stay",
        f"{A}/forms.py",
        '        fields = ["title", "body"]\n        labels = {"body": "Text"}\n\n\nclass CommentForm',
        '        fields = ["title", "body"]\n        labels = {"body": "Text"}\n\n'
        "    def clean_title(self):\n        return self.instance.title\n\n\nclass CommentForm",
    ),
    way(
        LOST_ON_EDIT,
        "signing out loses the person's password",
        "Rita signs out, and her password still opens her dashboard",
        f"{ACC}/views.py",
        "class SignOutView(NotAllowedPageMixin, auth_views.LogoutView):\n",
        "class SignOutView(NotAllowedPageMixin, auth_views.LogoutView):\n"
        "    def post(self, request, *args, **kwargs):\n"
        "        request.user.set_unusable_password()\n        request.user.save()\n"
        "        return super().post(request, *args, **kwargs)\n\n",
    ),
    way(
        WRONG_TARGET,
        "the welcome email's link leads to the registration page instead of the sign-in page",
        "Nina registers and is welcomed",
        f"{ACC}/emails.py",
        'reverse("login")',
        'reverse("register")',
    ),
    way(
        ONE_OF_MANY,
        "a draft can be deleted, but a published article cannot",
        "An author deletes her published article",
        f"{A}/views.py",
        '    template_name = "articles/article_confirm_delete.html"\n',
        '    template_name = "articles/article_confirm_delete.html"\n\n'
        "    def get_queryset(self):\n        return super().get_queryset().drafts()\n\n",
    ),
    way(
        LEAKED,
        "the page that says a draft is not there names the address asked for",
        "A new draft is hidden from readers",
        "site/templates/404.html",
        "  <h1>Page not found</h1>\n",
        "  <h1>Page not found</h1>\n  <p>Nothing at {{ request.path }}.</p>\n",
    ),
    way(
        LEAKED,
        "the page that refuses another site's form shows what that form sent",
        "A page on another site cannot comment in a reader's name",
        "site/templates/403_csrf.html",
        "  <h1>Not sent</h1>\n",
        "  <h1>Not sent</h1>\n  <p>{{ request.POST.body }}</p>\n",
    ),
    way(
        LEAKED,
        "the welcome email goes to the newsroom's staff as well as the newcomer",
        "Nina registers and is welcomed",
        f"{ACC}/emails.py",
        "[user.email]",
        '[user.email, "staff@example.com"]',
    ),
    way(
        LEAKED,
        "the reset email carries the account's password hash",
        "The reset email goes to Rita alone",
        f"{ACC}/templates/registration/password_reset_email.html",
        "The Newsroom team",
        "The Newsroom team ({{ user.password }})",
    ),
    way(
        COUNTED_WRONG,
        "each comment shows twice",
        "A reader's comment appears under the article with her name",
        f"{A}/views.py",
        'comments=article.comments.select_related("author"),',
        'comments=list(article.comments.select_related("author")) * 2,',
    ),
    way(
        COUNTED_WRONG,
        "comments show newest first",
        "Comments show under their article, oldest first, each once",
        f"{A}/models.py",
        'ordering = ["created_at", "pk"]',
        'ordering = ["-created_at", "-pk"]',
    ),
    way(
        COUNTED_WRONG,
        "a dashboard lists its person's articles oldest first",
        "A dashboard lists exactly its person's articles",
        f"{ACC}/views.py",
        'user.articles.order_by("-created_at")',
        'user.articles.order_by("created_at")',
    ),
    way(
        COUNTED_WRONG,
        "the front page lists each article twice",
        "An author's new article goes to the top of the front page",
        f"{A}/templates/articles/article_list.html",
        ("{% for article in articles %}", "{% endfor %}\n    </ul>"),
        ('{% for article in articles %}{% for twice in "ab" %}', "{% endfor %}{% endfor %}\n    </ul>"),
    ),
    way(
        COUNTED_WRONG,
        "the front page lists the oldest articles first",
        "An author's new article goes to the top of the front page",
        f"{A}/models.py",
        'ordering = ["-published_at", "-created_at"]',
        'ordering = ["published_at", "created_at"]',
    ),
    way(
        COUNTED_WRONG,
        "a message after an action is told twice",
        "A new draft is hidden from readers",
        "site/templates/base.html",
        "{% for message in messages %}<li",
        "{% for message in messages %}<li>{{ message }}</li><li",
    ),
    way(
        COUNTED_WRONG,
        "the welcome email is sent twice",
        "Nina registers and is welcomed",
        f"{ACC}/views.py",
        "        send_welcome_email(self.request, user)\n",
        "        send_welcome_email(self.request, user)\n        send_welcome_email(self.request, user)\n",
    ),
    way(
        ONE_OF_MANY,
        "one page, the registration page, may be shown in a frame",
        "A page on another site cannot show the registration page",
        f"{ACC}/views.py",
        ("from django.views.generic import", "class RegisterView(SentOnceMixin, CreateView):"),
        (
            "from django.utils.decorators import method_decorator\n"
            "from django.views.decorators.clickjacking import xframe_options_exempt\nfrom django.views.generic import",
            '@method_decorator(xframe_options_exempt, name="dispatch")\nclass RegisterView(SentOnceMixin, CreateView):',
        ),
    ),
    way(
        ONE_OF_MANY,
        "one form, registering, takes a form sent from another site",
        'A page on another site cannot make a visitor register as "nina"',
        f"{ACC}/views.py",
        ("from django.views.generic import", "class RegisterView(SentOnceMixin, CreateView):"),
        (
            "from django.utils.decorators import method_decorator\n"
            "from django.views.decorators.csrf import csrf_exempt\nfrom django.views.generic import",
            '@method_decorator(csrf_exempt, name="dispatch")\nclass RegisterView(SentOnceMixin, CreateView):',
        ),
    ),
    way(
        ONE_OF_MANY,
        "one form, writing an article, takes a form sent from another site",
        "A page on another site cannot make Alice write an article",
        f"{A}/views.py",
        *exempt("ArticleCreateView"),
    ),
    way(
        ONE_OF_MANY,
        "one address that takes only a form, signing out, takes a link",
        "A link followed by Rita cannot sign out",
        f"{ACC}/views.py",
        "class SignOutView(NotAllowedPageMixin, auth_views.LogoutView):\n",
        "class SignOutView(NotAllowedPageMixin, auth_views.LogoutView):\n"
        '    http_method_names = ["get", "post", "options"]\n\n'
        "    def get(self, request, *args, **kwargs):\n        return self.post(request, *args, **kwargs)\n\n",
    ),
    way(
        ONE_OF_MANY,
        "one address that takes only a form, commenting, takes a link",
        "A link followed by Rita cannot comment on",
        f"{A}/views.py",
        "class CommentCreateView(SentOnceMixin, FormOnlyView):\n",
        'class CommentCreateView(SentOnceMixin, FormOnlyView):\n    http_method_names = ["get", "post"]\n\n'
        "    def get(self, request, article_pk):\n        return self.post(request, article_pk)\n\n",
    ),
    way(
        ONE_OF_MANY,
        "the sign-in page goes on to any address that starts with a slash, //another.site among them",
        "A link to the sign-in page cannot send Rita on to another site: //",
        "site/newsroom/urls.py",
        ("from django.urls import", '    path("", include("django.contrib.auth.urls")),'),
        (
            "from django.contrib.auth.views import LoginView\n\n\n"
            "class SlashedOn(LoginView):\n"
            "    def get_redirect_url(self):\n"
            "        onward = self.request.POST.get('next', self.request.GET.get('next', ''))\n"
            "        return onward if onward.startswith('/') else super().get_redirect_url()\n\n\n"
            "from django.urls import",
            '    path("login/", SlashedOn.as_view(), name="login"),\n'
            '    path("", include("django.contrib.auth.urls")),',
        ),
    ),
    way(
        ONE_OF_MANY,
        "the sign-in page goes on to an address that starts with /\\ (another site, to some browsers)",
        "A link to the sign-in page cannot send Rita on to another site: /\\",
        "site/newsroom/urls.py",
        ("from django.urls import", '    path("", include("django.contrib.auth.urls")),'),
        (
            "from django.contrib.auth.views import LoginView\n\n\n"
            "class BackslashedOn(LoginView):\n"
            "    def get_redirect_url(self):\n"
            "        onward = self.request.POST.get('next', self.request.GET.get('next', ''))\n"
            "        return onward if onward.startswith('/\\\\') else super().get_redirect_url()\n\n\n"
            "from django.urls import",
            '    path("login/", BackslashedOn.as_view(), name="login"),\n'
            '    path("", include("django.contrib.auth.urls")),',
        ),
    ),
]


# The drafts an editor is shown as waiting for him: his own neither, nobody else's list, newest first.
WAYS += [
    way(
        WRONG_TARGET,
        "an editor's own drafts are shown to him as waiting to be published",
        "An editor's dashboard lists the drafts waiting for him, newest first, by whom",
        f"{ACC}/views.py",
        "Article.objects.drafts().exclude(author=user)",
        "Article.objects.drafts()",
    ),
    way(
        LEAKED,
        "a reader's dashboard shows the drafts waiting for the editors",
        "A dashboard lists exactly its person's articles",
        f"{ACC}/views.py",
        '        if user.has_perm("articles.publish_article"):\n            context["drafts_to_publish"]',
        '        if True:\n            context["drafts_to_publish"]',
    ),
    way(
        COUNTED_WRONG,
        "the drafts waiting for an editor come oldest first",
        "An editor's dashboard lists the drafts waiting for him, newest first, by whom",
        f"{ACC}/views.py",
        '.exclude(author=user).select_related("author")',
        '.exclude(author=user).select_related("author").order_by("created_at")',
    ),
    way(
        LOST_ON_EDIT,
        "a draft an editor publishes still waits for him",
        "A draft an editor publishes stops waiting for him",
        f"{ACC}/views.py",
        "Article.objects.drafts().exclude(author=user)",
        "Article.objects.exclude(author=user)",
    ),
]


def main(kinds=()):
    """Every way, or only those of these kinds (their `how`, as the script's arguments name them)."""
    known = sorted({way.how for way in WAYS})
    if unknown := [kind for kind in kinds if kind not in known]:
        names = ", ".join(map(repr, known))
        print(f"{unknown[0]!r} is not a kind of way: name one or more of {names}, or none for all of them.")
        return 2
    ways = [way for way in WAYS if not kinds or way.how in kinds]
    results, missed, green = [], [], {}
    rules = {way: rule_of(way.scenario) for way in ways}
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "project"
        copy_project(project)
        for rule in dict.fromkeys(rules.values()):
            print(f"\n{rule}", flush=True)
            for way in (w for w in ways if rules[w] == rule):
                caught = {}
                for driver in drivers(way):
                    key = (way.scenario, driver)
                    if key not in green:
                        green[key] = not scenario_fails(project, way.scenario, "-D", f"driver={driver}")
                    if not green[key]:
                        caught[driver] = None  # fails without the break: it proves nothing
                        continue
                    with way.applied(project):
                        caught[driver] = scenario_fails(project, way.scenario, "-D", f"driver={driver}")
                marks = ", ".join(
                    f"{d} run: {'caught' if c else 'FAILS UNBROKEN' if c is None else 'MISSED'}"
                    for d, c in caught.items()
                )
                print(f"  {way.how:<22} {way.tried}\n  {'':<22} -> “{way.scenario}” ({marks})", flush=True)
                results.append({"rule": rule, **asdict(way), "caught": caught})
                if not all(caught.values()):
                    missed.append(way)
    if not kinds:
        report = ROOT / "reports" / "rule_breaks.json"
        report.parent.mkdir(exist_ok=True)
        report.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    found = len(ways) - len(missed)
    print(f"\n{found} of {len(ways)} ways around {len(set(rules.values()))} rules caught by their scenario")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
