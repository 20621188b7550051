"""The error shape as the OpenAPI schema documents it; ``core.errors`` builds it."""

from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    """Every error answer: a message, a code and, for invalid input, each field's errors."""

    detail = serializers.CharField(help_text="What went wrong, for people.")
    code = serializers.CharField(
        help_text=(
            "What went wrong, for programs: rest framework's error code, such as "
            "`not_authenticated`, `permission_denied`, `not_found` or `invalid`, or the "
            "HTTP status name (`bad_request`, `server_error`)."
        )
    )
    errors = serializers.DictField(
        child=serializers.JSONField(),
        required=False,
        help_text=(
            "Validation errors only: the messages for each field (`non_field_errors` for "
            "the request as a whole), nested as the request body is."
        ),
    )
