from django.contrib import admin

from articles.models import Article, Comment


class CommentInline(admin.TabularInline):
    model = Comment
    extra = 0


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "author", "status", "published_at", "created_at"]
    list_filter = ["status"]
    search_fields = ["title", "body"]
    readonly_fields = ["slug"]
    inlines = [CommentInline]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    # What a comment says comes first: staff moderate comments by reading them.
    list_display = ["body", "article", "author", "created_at"]
