from rest_framework import permissions


class OwnLoginOnly(permissions.BasePermission):
    """Credentials are managed with the user's own login, not with one lent to software.

    An authenticator whose credential may not mint or change others says so with
    ``manages_credentials = False``: an API key (a leaked key cannot mint more), and any
    token a user delegated to an application with limited rights.
    """

    message = "This is managed with a login of the user's own."

    def has_permission(self, request, view):
        return getattr(request.successful_authenticator, "manages_credentials", True)
