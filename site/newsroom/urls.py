from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    # Django's own sign-in, sign-out and password-reset views, at the root.
    path("", include("django.contrib.auth.urls")),
    path("", include("accounts.urls")),
    path("", include("articles.urls")),
]
