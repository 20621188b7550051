from oauth2_provider.models import AbstractAccessToken

from {{ cookiecutter.project_slug }}.throttling.throttles import UserRateThrottle


class ClientRateThrottle(UserRateThrottle):
    """The ``user`` rate, counted per client application for client credentials tokens.

    Such a token acts as its application's user, but each machine client gets a budget of
    its own: neither its owner's requests nor another client of the same owner use it up.
    """

    def get_cache_key(self, request, view):
        token = request.auth
        if isinstance(token, AbstractAccessToken) and token.user_id is None:
            ident = f"client-{token.application_id}"
            return self.cache_format % {"scope": self.scope, "ident": ident}
        return super().get_cache_key(request, view)
