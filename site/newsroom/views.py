from django.template.loader import render_to_string


class NotAllowedPageMixin:
    """Django's answer to a request a view does not take (405, with the Allow header), as a page a person can read."""

    def http_method_not_allowed(self, request, *args, **kwargs):
        response = super().http_method_not_allowed(request, *args, **kwargs)
        response.content = render_to_string("405.html", request=request)
        return response
