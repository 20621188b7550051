import re

from oauth2_provider.contrib.rest_framework import authentication
from oauth2_provider.settings import oauth2_settings
from rest_framework import exceptions, permissions

# A JSON Web Token is three base64url segments joined by dots; this server's OAuth2 tokens
# hold no dot, so such a token belongs to another authenticator.
JWT_SHAPE = re.compile(r"[\w-]+\.[\w-]+\.[\w-]*")


class OAuth2Authentication(authentication.OAuth2Authentication):
    """Bearer tokens this server issued, each limited to its scopes.

    ``read`` allows the safe methods and ``write`` the others, checked here rather than in a
    permission class so that no view can forget the rule. A token issued by the client
    credentials grant has no user: it acts as its application's user, and is refused when
    the application has none. One query (token, application and users together), no write.
    """

    strategy = "oauth2"
    # A token the user lent an application cannot mint credentials of their own.
    manages_credentials = False

    def authenticate(self, request):
        scheme, _, token = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
        if scheme.lower() != "bearer" or JWT_SHAPE.fullmatch(token.strip()):
            return None
        authenticated = super().authenticate(request)
        if authenticated is None:
            raise exceptions.AuthenticationFailed("Invalid or expired token.")
        user, access_token = authenticated
        if user is None:
            user = access_token.application.user
        if user is None or not user.is_active:
            raise exceptions.AuthenticationFailed("This token acts for no active user.")
        scope = self.scope_for(request.method)
        if not access_token.allow_scopes([scope]):
            raise exceptions.PermissionDenied(f"This token lacks the {scope!r} scope.")
        return user, access_token

    @staticmethod
    def scope_for(method):
        if method in permissions.SAFE_METHODS:
            return oauth2_settings.READ_SCOPE
        return oauth2_settings.WRITE_SCOPE
