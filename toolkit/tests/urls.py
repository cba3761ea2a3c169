from django.urls import include, path

from tests.sample import views

urlpatterns = [
    path("", views.greet, name="greet"),
    path("hello/", views.hello, name="hello"),
    path("contract/", include("tests.contract.urls")),
]
