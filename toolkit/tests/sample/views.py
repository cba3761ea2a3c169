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
