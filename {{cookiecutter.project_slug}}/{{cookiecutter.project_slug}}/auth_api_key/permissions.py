from rest_framework import permissions

from .authentication import APIKeyAuthentication


class NotViaAPIKey(permissions.BasePermission):
    """Keys are managed with the user's own login: a leaked key cannot mint more keys."""

    message = "API keys cannot be managed with an API key."

    def has_permission(self, request, view):
        return not isinstance(request.successful_authenticator, APIKeyAuthentication)
