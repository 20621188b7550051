import re

from rest_framework.exceptions import AuthenticationFailed
from rest_framework_simplejwt import authentication

from .tokens import auth_hash_matches

# A JSON Web Token in compact form: three base64url segments joined by dots.
JWT_SHAPE = re.compile(rb"[\w-]+\.[\w-]+\.[\w-]*")


class JWTAuthentication(authentication.JWTAuthentication):
    """simplejwt's bearer authentication, refusing tokens issued before a password change.

    The check reuses the user row simplejwt loads anyway: one query per request. A bearer
    token that is not a JWT at all is left to the other authenticators, since another
    bearer scheme may share the header; if none takes it, the request is unauthenticated
    and answered 401 all the same.
    """

    strategy = "jwt"

    def get_raw_token(self, header):
        raw_token = super().get_raw_token(header)
        if raw_token is not None and not JWT_SHAPE.fullmatch(raw_token):
            return None
        return raw_token

    def get_user(self, validated_token):
        user = super().get_user(validated_token)
        if not auth_hash_matches(validated_token, user):
            raise AuthenticationFailed("Token is no longer valid.", code="token_revoked")
        return user
