from django import forms

from articles.models import Article, Comment
from articles.text import shows_nothing


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = ["title", "body", "status"]
        widgets = {"status": forms.RadioSelect}
        labels = {"body": "Text"}
        help_texts = {"status": "Readers see an article once it is published."}


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

    def clean_body(self):
        body = self.cleaned_data["body"]
        # Django strips white space; a comment of zero-width or other invisible characters would still show as empty.
        if shows_nothing(body):
            raise forms.ValidationError(self.fields["body"].error_messages["required"], code="required")
        return body
