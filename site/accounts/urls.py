from django.urls import path

from accounts import views

urlpatterns = [
    path("register/", views.RegisterView.as_view(), name="register"),
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("logout/", views.SignOutView.as_view(), name="logout"),
    # Django's views, each acting once on a form sent twice; reset emails limited per address.
    path("password_reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("reset/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("password_change/", views.PasswordChangeView.as_view(), name="password_change"),
]
