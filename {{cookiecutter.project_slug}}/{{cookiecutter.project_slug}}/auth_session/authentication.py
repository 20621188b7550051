from rest_framework import authentication


class SessionAuthentication(authentication.SessionAuthentication):
    """Rest framework's session authentication (CSRF enforced on unsafe methods).

    It also names a WWW-Authenticate challenge: without one, rest framework answers an
    unauthenticated request with 403 instead of 401 when this is the first authenticator.
    """

    strategy = "session"

    def authenticate_header(self, request):
        return 'Session realm="api"'
