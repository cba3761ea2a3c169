from django.urls import path

from tests.sample import views

urlpatterns = [
    path("", views.greet, name="greet"),
    path("hello/", views.hello, name="hello"),
    path("people/", views.people, name="people"),
    path("broken/", views.broken, name="broken"),
]
