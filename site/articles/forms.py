from django import forms

from articles.models import Article, Comment


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = ["title", "body", "status"]
        widgets = {"status": forms.RadioSelect}
        labels = {"body": "Text"}


class ArticleEditForm(forms.ModelForm):
    """Editing changes the words; publishing has its own button."""

    class Meta:
        model = Article
        fields = ["title", "body"]
        labels = {"body": "Text"}


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["body"]
        labels = {"body": "Your comment"}
        error_messages = {"body": {"required": "A comment cannot be empty."}}
