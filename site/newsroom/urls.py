from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    # The accounts' own pages first: their password-reset page stands in for Django's.
    path("", include("accounts.urls")),
    # Django's own sign-in, sign-out and password-reset views, at the root.
    path("", include("django.contrib.auth.urls")),
    path("", include("articles.urls")),
]
