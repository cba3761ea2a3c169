from django.urls import path

from tests.contract import views

app_name = "contract"
urlpatterns = [
    path("fields/", views.page("fields"), name="fields"),
    path("buttons/", views.page("buttons"), name="buttons"),
    path("scripts/", views.page("scripts"), name="scripts"),
    path("console/", views.page("console"), name="console"),
    path("echo/", views.echo, name="echo"),
    path("echo/elsewhere/", views.echo, name="echo-elsewhere"),
    path("cookies/", views.cookies, name="cookies"),
    path("hop/<int:hops>/", views.hop, name="hop"),
    path("back/", views.back, name="back"),
    path("away/", views.away, name="away"),
    path("part/", views.part, name="part"),
]
