from django.http import HttpResponse
from django.urls import path

urlpatterns = [path("", lambda request: HttpResponse("<h1>Home</h1>"), name="home")]
