"""Refresh tokens that stop working when their user's password changes.

simplejwt can tie tokens to the password itself (``CHECK_REVOKE_TOKEN``), but its claim is
an unkeyed MD5 of the password hash, readable by anyone holding the token. Tokens here carry
Django's own session auth hash instead: an HMAC of the password hash under SECRET_KEY, the
same value that logs out every session after a password change.
"""

import hashlib

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.crypto import constant_time_compare
from rest_framework_simplejwt import tokens
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.settings import api_settings

AUTH_HASH_CLAIM = "auth_hash"
DIGEST_PREFIX = "sha256:"


def auth_hash_matches(payload, user):
    return constant_time_compare(payload.get(AUTH_HASH_CLAIM, ""), user.get_session_auth_hash())


def user_for_payload(payload):
    """The user a token speaks for, or None when deleted, inactive or re-passworded."""
    user_id = payload.get(api_settings.USER_ID_CLAIM)
    try:
        user = get_user_model().objects.filter(**{api_settings.USER_ID_FIELD: user_id}).first()
    except (ValueError, ValidationError):
        return None
    if user is None or not user.is_active or not auth_hash_matches(payload, user):
        return None
    return user


class RefreshToken(tokens.RefreshToken):
    """A refresh token bound to the password its user had when it was issued.

    The claim is copied into every access token made from it; the JWT authenticator checks
    it there, and ``verify`` checks it on refresh, verify and logout.
    """

    @classmethod
    def for_user(cls, user):
        token = super().for_user(user)
        token[AUTH_HASH_CLAIM] = user.get_session_auth_hash()
        return token

    def verify(self):
        super().verify()
        self.user = user_for_payload(self.payload)
        if self.user is None:
            raise TokenError("Token is no longer valid for its user.")


def store_token_digest(sender, instance, **kwargs):
    """Keep only a digest of each refresh token in the outstanding-token table.

    simplejwt stores the raw token, which would let anyone reading the database use it.
    The blacklist only needs the token id (``jti``), which is kept as is.
    """
    if not instance.token.startswith(DIGEST_PREFIX):
        digest = hashlib.sha256(instance.token.encode()).hexdigest()
        instance.token = f"{DIGEST_PREFIX}{digest}"
