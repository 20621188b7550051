from django.core.exceptions import BadRequest
from django.http import Http404
from rest_framework.renderers import JSONRenderer

from .errors import status_error
from .parsers import NUL

API_PREFIX = "/api/"
JSON = "application/json"


class APIErrorMiddleware:
    """Give every error answer under /api/ the API's JSON error shape.

    Rest framework's views answer theirs through the exception handler. Django answers the
    others before or after any view runs: an unknown URL, a bad Host header, an uncaught
    exception, and, with DEBUG on, their detailed pages. Those arrive here as HTML, and
    Django has already logged them, traceback included. As the outermost middleware, this
    replaces their body only, keeping the status and the headers every other middleware
    set (the security headers, say). A streamed body is left as it is.
    """

    renderer = JSONRenderer()

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code >= 400
            and request.path_info.startswith(API_PREFIX)
            and response.get("Content-Type", "").partition(";")[0].strip() != JSON
            and not response.streaming
        ):
            body = status_error(response.status_code, response.reason_phrase)
            response.content = self.renderer.render(body)
            response["Content-Type"] = JSON
            response["Content-Length"] = str(len(response.content))
        return response


class RefuseNulMiddleware:
    """Refuse a request with a NUL character in a header, the query string or a URL value.

    No legitimate request carries one, and PostgreSQL refuses NUL in text: whatever part of
    the request reached a query (a credential looked up by its prefix, a session key, a
    slug, an id in the URL) would fail it, a 500. A header or query string holding one
    answers 400; a URL whose captured values hold one names no object and answers 404.
    JSON bodies are checked by ``core.parsers``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any(NUL in value for value in request_texts(request)):
            raise BadRequest("The request holds a NUL character.")
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if any(NUL in str(value) for value in [*view_args, *view_kwargs.values()]):
            raise Http404


def request_texts(request):
    """The header values, and the query string's names and values, of a request."""
    yield from (value for name, value in request.META.items() if name.startswith("HTTP_"))
    for name, values in request.GET.lists():
        yield name
        yield from values
