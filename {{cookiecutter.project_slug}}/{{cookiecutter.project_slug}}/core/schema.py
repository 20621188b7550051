from drf_spectacular import openapi
from rest_framework import permissions

from {{ cookiecutter.project_slug }}.users.steps import login_steps

from .serializers import ErrorSerializer

# The error statuses an operation may document, as OpenAPI response objects (less content).
ERROR_RESPONSES = {
    400: {"description": "The request is malformed or invalid."},
    401: {
        "description": "Credentials are missing or invalid.",
        "headers": {
            "WWW-Authenticate": {
                "schema": {"type": "string"},
                "description": "The authentication scheme to use.",
            }
        },
    },
    403: {"description": "The caller may not do this."},
    404: {"description": "Not found, or not visible to the caller."},
    429: {
        "description": "Too many requests.",
        "headers": {
            "Retry-After": {
                "schema": {"type": "integer"},
                "description": "Seconds to wait before trying again.",
            }
        },
    },
}

# Permissions that refuse nobody once authenticated: failing them answers 401, not 403.
OPEN_PERMISSIONS = {permissions.AllowAny, permissions.IsAuthenticated}


class AutoSchema(openapi.AutoSchema):
    """drf-spectacular's schema, documenting the errors each operation may answer.

    A status is declared where rest framework can answer it: 400 when the client sends a
    body or a header the API reads; 401 when the view names an authentication challenge
    (without one, rest framework answers 403 instead); 403 when a permission goes beyond
    being authenticated, or on unsafe methods of a view that authenticates (CSRF,
    read-only credentials); 404 when the path names an object or the query picks a page;
    429 when the view throttles. Responses a view declares itself are kept.

    A password login (a view naming its ``login_strategy``) may also answer with what a
    login step asks for instead of the credential: its success is either.
    """

    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        if operation is not None:
            responses = operation["responses"]
            for status in self.error_statuses(operation):
                responses.setdefault(str(status), self.error_response(status))
            if getattr(self.view, "login_strategy", None):
                self.add_login_step_answers(responses)
        return operation

    def add_login_step_answers(self, responses):
        answers = [
            self.resolve_serializer(step.answer_serializer, "response").ref
            for step in login_steps()
            if step.answer_serializer is not None
        ]
        if answers:
            content = responses["200"]["content"]["application/json"]
            content["schema"] = {"oneOf": [content["schema"], *answers]}

    def error_statuses(self, operation):
        view = self.view
        locations = {parameter["in"] for parameter in operation.get("parameters", [])}
        restricted = any(
            type(permission) not in OPEN_PERMISSIONS for permission in view.get_permissions()
        )
        unsafe = self.method not in permissions.SAFE_METHODS
        checks = {
            400: "requestBody" in operation or "header" in locations,
            401: bool(view.get_authenticate_header(view.request)),
            403: restricted or (unsafe and bool(view.get_authenticators())),
            404: bool(locations & {"path", "query"}),
            429: bool(view.get_throttles()),
        }
        return [status for status, applies in checks.items() if applies]

    def error_response(self, status):
        schema = self.resolve_serializer(ErrorSerializer, "response").ref
        return {**ERROR_RESPONSES[status], "content": {"application/json": {"schema": schema}}}
