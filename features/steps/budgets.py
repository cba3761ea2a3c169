"""What a page or a form may cost the site: its queries, however many articles and comments there are."""

from behave import given, then, when
from django.urls import reverse

from articles import services
from articles.models import Article, Comment
from features.support.budgets import expect_at_most, form_sent, page_shown, recorded


@given("{who:Person} has written {count:d} drafts")
def step_has_drafts(context, who, count):
    author = context.people.user(who)
    for number in range(1, count + 1):
        services.write_article(author, f"Draft {number}", "Stalls open at ten.", Article.Status.DRAFT)


@given('{who:Person} has commented {count:d} times on "{title:Quoted}"')
def step_has_commented_often(context, who, count, title):
    article, author = Article.objects.get(title=title), context.people.user(who)
    Comment.objects.bulk_create(Comment(article=article, author=author, body=f"Comment {n}") for n in range(count))


@when("{who:Person} opens page {number:d} of the front page")
def step_open_front_page_number(context, who, number):
    context.people.act_as(who).visit(f"{reverse('article-list')}?page={number}")


@then("the page took at most {budget:d} queries")
@then("the page it led to took at most {budget:d} queries")
@then("the page it led to took at most {budget:d} query")
def step_page_budget(context, budget):
    expect_at_most(page_shown(recorded(context)), budget)


@then("sending the form took at most {budget:d} queries")
@then("sending the form took at most {budget:d} query")
def step_form_budget(context, budget):
    expect_at_most(form_sent(recorded(context)), budget)
