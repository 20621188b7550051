from rest_framework import permissions


class OwnLoginOnly(permissions.BasePermission):
    """Credentials are managed with the user's own login, not with one lent to software.

    An authenticator whose credential may not mint or change others says so with
    ``manages_credentials = False``: a credential held by software on a user's behalf,
    which, leaked, must not be able to breed more or lock the user out.
    """

    message = "This is managed with a login of the user's own."

    def has_permission(self, request, view):
        return getattr(request.successful_authenticator, "manages_credentials", True)
