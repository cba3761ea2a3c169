from django.urls import path

from articles import views

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="article-list"),
    path("write/", views.ArticleCreateView.as_view(), name="article-create"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("articles/<slug:slug>/edit/", views.ArticleUpdateView.as_view(), name="article-update"),
    path("articles/<slug:slug>/delete/", views.ArticleDeleteView.as_view(), name="article-delete"),
    path("articles/<int:pk>/publish/", views.ArticlePublishView.as_view(), name="article-publish"),
    path(
        "articles/<int:article_pk>/comments/",
        views.CommentCreateView.as_view(),
        name="comment-create",
    ),
]
