from rest_framework.exceptions import AuthenticationFailed
from rest_framework_simplejwt import authentication

from .tokens import auth_hash_matches


class JWTAuthentication(authentication.JWTAuthentication):
    """simplejwt's bearer authentication, refusing tokens issued before a password change.

    The check reuses the user row simplejwt loads anyway: one query per request.
    """

    strategy = "jwt"

    def get_user(self, validated_token):
        user = super().get_user(validated_token)
        if not auth_hash_matches(validated_token, user):
            raise AuthenticationFailed("Token is no longer valid.", code="token_revoked")
        return user
