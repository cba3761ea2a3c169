"""The contract's pages: the hard cases of real pages, and one that shows what a request carried.

No database: every answer is made from the request alone, so the contract needs no model.
"""

from urllib.parse import urlencode

from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST


def page(template):
    def view(request):
        return render(request, f"contract/{template}.html")

    view.__name__ = template
    return view


def echo(request):
    """What the request carried: method, path, every field in order, files, and the headers a browser adds."""
    fields = request.POST if request.method == "POST" else request.GET
    received = [f"{name}={value}" for name, values in fields.lists() for value in values]
    received += [f"{name}: {f.name} ({f.size} bytes)" for name, files in request.FILES.lists() for f in files]
    received += [f"{name}: lines {v.splitlines()}" for name, values in fields.lists() for v in values if "\n" in v]
    context = {
        "method": request.method,
        "path": request.path,
        "received": received,
        "referer": request.headers.get("Referer", "none"),
        "origin": request.headers.get("Origin", "none"),
    }
    return render(request, "contract/echo.html", context)


def cookies(request):
    """The cookies the request carried. ?set=VALUE sets "flavour" to VALUE (and "later" too for "second")."""
    received = sorted(f"{name}={value}" for name, value in request.COOKIES.items() if name != "csrftoken")
    response = render(request, "contract/cookies.html", {"received": received})
    if "set" in request.GET:
        response.set_cookie("flavour", request.GET["set"], httponly=True, samesite="Lax")
        if request.GET["set"] == "second":
            response.set_cookie("later", "1")
    return response


def hop(request, hops):
    """A redirect chain: each hop sends the browser on, the last to the echo page."""
    arrived = request.GET.get("from", "nowhere")
    if hops > 1:
        return redirect(f"/contract/hop/{hops - 1}/?{urlencode({'from': arrived})}")
    return redirect(f"/contract/echo/?{urlencode({'arrived': arrived})}")


def away(request):
    """A redirect to another site: this server under its other name (localhost and 127.0.0.1 are two origins)."""
    host, _, port = request.get_host().partition(":")
    other = "127.0.0.1" if host == "localhost" else "localhost"
    return redirect(f"http://{other}{':' + port if port else ''}/contract/echo/?from=contract")


@require_POST
def back(request):
    """Sends the browser back where it came from, as many sites do, by the Referer header alone."""
    return HttpResponseRedirect(request.headers.get("Referer", "/contract/echo/?no-referer"))


def part(request):
    """The part of the page only a script draws, fetched by it."""
    return JsonResponse({"text": "Drawn by a script", "button": "Drawn button"})
