"""The one shape of every error the API answers.

``{"detail": "<message>", "code": "<machine code>"}``, plus ``errors`` for validation
errors only: rest framework's field errors, keyed by field (``non_field_errors`` for the
others) and nested as the serializers nest them. ``ErrorSerializer`` documents it.
"""

from rest_framework import exceptions, views
from rest_framework.settings import api_settings

from .events import announce

# Refusals worth a record, by the event they announce.
REFUSAL_EVENTS = {
    exceptions.PermissionDenied: "permission.denied",
    exceptions.Throttled: "request.throttled",
}

# Errors Django answers outside rest framework, worded as rest framework words the same
# status so that one condition reads the same whoever answers it. A crash says only that
# the server failed, never what went wrong.
OUTSIDE_ERRORS = {
    403: (exceptions.PermissionDenied.default_detail, exceptions.PermissionDenied.default_code),
    404: (exceptions.NotFound.default_detail, exceptions.NotFound.default_code),
    500: (exceptions.APIException.default_detail, "server_error"),
}


def error_body(detail, code, errors=None):
    body = {"detail": detail, "code": code}
    if errors is not None:
        body["errors"] = errors
    return body


def status_error(status, reason_phrase):
    """The body of an error known only by its status: ``400 Bad Request`` gives ``bad_request``."""
    if status in OUTSIDE_ERRORS:
        return error_body(*OUTSIDE_ERRORS[status])
    return error_body(f"{reason_phrase.capitalize()}.", reason_phrase.lower().replace(" ", "_"))


def exception_handler(exc, context):
    """Rest framework's exception handler, answering in the error shape.

    What rest framework leaves unhandled (None) still propagates: Django logs it with its
    traceback and answers 500, which ``APIErrorMiddleware`` reshapes. A refused request
    (403, 429) is announced, for the record of events.
    """
    response = views.exception_handler(exc, context)
    if response is None:
        return None
    announce_refusal(exc, context["request"])
    data = response.data
    if isinstance(exc, exceptions.ValidationError):
        errors = data if isinstance(data, dict) else {api_settings.NON_FIELD_ERRORS_KEY: data}
        response.data = error_body(exc.default_detail, exc.default_code, errors)
    elif isinstance(data, dict) and isinstance(data.get("detail"), exceptions.ErrorDetail):
        # {"detail": ...}, which some libraries extend with keys of their own ("messages").
        response.data = error_body(data["detail"], data["detail"].code)
    else:  # raised with several messages but not as invalid input: the status says it
        response.data = status_error(response.status_code, response.reason_phrase)
    return response


def announce_refusal(exc, request):
    for refusal, event in REFUSAL_EVENTS.items():
        if isinstance(exc, refusal):
            announce(event, request=request, method=request.method, path=request.path)
