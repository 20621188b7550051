from rest_framework.renderers import JSONRenderer

from .errors import status_error

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
