from rest_framework import throttling

from .throttles import CountedRateMixin


class ScopedRateThrottle(CountedRateMixin, throttling.ScopedRateThrottle):
    """The rate of a view's ``throttle_scope`` (login, registration), counted atomically.

    Same identities and settings as DRF's ``ScopedRateThrottle`` (the user, or the client IP
    as ``NUM_PROXIES`` trusted proxies report it), so a burst of concurrent attempts
    cannot pass more than the limit.
    """

    def allow_request(self, request, view):
        self.scope = getattr(view, self.scope_attr, None)
        if not self.scope:
            return True
        return super().allow_request(request, view)
