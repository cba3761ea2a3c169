from urllib.parse import urlencode

from django.shortcuts import redirect, render


def greet(request):
    """A form with one labelled field; a name given leads to the hello page, none shows the form again."""
    error = ""
    if request.method == "POST":
        name = request.POST.get("name", "").strip()
        if name:
            return redirect(f"/hello/?{urlencode({'name': name})}")
        error = "Give your name."
    return render(request, "sample/greet.html", {"error": error})


def hello(request):
    return render(request, "sample/hello.html", {"name": request.GET.get("name", "")})


def people(request):
    """One query for the list, then one a person (an N+1 on purpose); a warning and an email too."""
    import logging

    from django.contrib.auth.models import User
    from django.core.mail import send_mail

    names = [User.objects.get(pk=user.pk).username for user in User.objects.all()]
    logging.getLogger("tests.sample").warning("listed %d people", len(names))
    send_mail("People", f"See http://testserver/people/?n={len(names)}", "site@example.com", ["ada@example.com"])
    return render(request, "sample/hello.html", {"name": ", ".join(names)})


def broken(request):
    return request.user.profile  # no such attribute: the exception a recorder names
