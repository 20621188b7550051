import hashlib

from django.contrib.auth import get_user_model
from django.core.cache import cache as default_cache
from rest_framework.throttling import SimpleRateThrottle


class FailedLoginThrottle(SimpleRateThrottle):
    """Refuse login attempts for a username after too many recent failures.

    Per-IP throttles do not stop a password-guessing run spread over many addresses, so
    this one counts failures per username, whatever the client IP. It applies to views
    whose ``throttle_scope`` is ``"login"`` and, while the limit is reached, refuses even
    the right password. Counters are created with ``add`` and bumped with ``incr``, both
    atomic in a shared cache, and expire with the rate's period (a fixed window from the
    first failure). A successful login does not reset them, so an attacker cannot
    interleave the user's own logins to keep guessing.
    """

    scope = "login_failures"
    cache = default_cache

    @classmethod
    def key_for(cls, username):
        digest = hashlib.sha256(username.casefold().encode()).hexdigest()
        return cls.cache_format % {"scope": cls.scope, "ident": digest}

    @classmethod
    def record_failure(cls, sender, credentials, **kwargs):
        """Receiver for ``user_login_failed``: count one failure for the username."""
        username = credentials.get(get_user_model().USERNAME_FIELD)
        if not isinstance(username, str):
            return
        throttle = cls()
        key = cls.key_for(username)
        throttle.cache.add(key, 0, timeout=throttle.duration)
        try:
            throttle.cache.incr(key)
        except ValueError:  # expired between add and incr: this failure opens a new window
            throttle.cache.add(key, 1, timeout=throttle.duration)

    def get_cache_key(self, request, view):
        if getattr(view, "throttle_scope", None) != "login":
            return None
        data = request.data
        username = data.get(get_user_model().USERNAME_FIELD) if isinstance(data, dict) else None
        return self.key_for(username) if isinstance(username, str) else None

    def allow_request(self, request, view):
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        return self.cache.get(self.key, 0) < self.num_requests

    def wait(self):
        # The window's start is not kept; its full length is a safe upper bound.
        return self.duration
