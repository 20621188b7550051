from dataclasses import dataclass

from rest_framework import throttling

from .counters import FixedWindowCounter, Window


@dataclass(frozen=True)
class Quota:
    """Where a client stands against one rate: what ``RateLimit`` headers tell it."""

    scope: str
    limit: int
    duration: int
    count: int
    window: Window

    @property
    def remaining(self):
        return max(0, self.limit - self.count)


def quotas_of(request):
    """The quotas counted for ``request`` so far (a rest framework or a Django request)."""
    request = getattr(request, "_request", request)
    if not hasattr(request, "rate_quotas"):
        request.rate_quotas = []
    return request.rate_quotas


class CountedRateMixin:
    """Counts a rest framework rate atomically, once per request, and notes the quota.

    Same identities, scopes and settings as the rest framework throttle it is mixed into,
    but a request is one atomic increment in the cache (``FixedWindowCounter``) instead of
    a read and a write of a pickled list of request times. ``RateLimitHeadersMiddleware``
    tells the client the quota.
    """

    def allow_request(self, request, view):
        key = self.get_cache_key(request, view)
        if key is None:
            return True
        counter = FixedWindowCounter(self.scope)
        self.window = counter.window(key)
        count = counter.hit(self.window)
        quotas_of(request).append(
            Quota(self.scope, counter.limit, counter.duration, count, self.window)
        )
        return counter.allows(count)

    def wait(self):
        return self.window.retry_after()


class AnonRateThrottle(CountedRateMixin, throttling.AnonRateThrottle):
    """The ``anon`` rate per client IP, for requests without credentials."""


class UserRateThrottle(CountedRateMixin, throttling.UserRateThrottle):
    """The ``user`` rate per user (per client IP for requests without credentials)."""
