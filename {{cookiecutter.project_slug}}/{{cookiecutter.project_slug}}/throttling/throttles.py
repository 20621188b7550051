from rest_framework.throttling import ScopedRateThrottle

from .counters import FixedWindowCounter


class AtomicScopedRateThrottle(ScopedRateThrottle):
    """The rate of a view's ``throttle_scope`` (login, registration), counted atomically.

    Same identities and settings as DRF's ``ScopedRateThrottle`` (the user, or the client IP
    as ``NUM_PROXIES`` trusted proxies report it), but counted in fixed windows with atomic
    cache operations, so a burst of concurrent attempts cannot pass more than the limit.
    """

    def allow_request(self, request, view):
        scope = getattr(view, self.scope_attr, None)
        if not scope:
            return True
        self.scope = scope
        counter = FixedWindowCounter(scope)
        self.window = counter.window(self.get_cache_key(request, view))
        return counter.allows(counter.hit(self.window))

    def wait(self):
        return self.window.retry_after()
