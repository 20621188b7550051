import contextlib
import hashlib
import math
import time
from dataclasses import dataclass

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from rest_framework.settings import api_settings

SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate):
    """``"10/min"`` -> ``(10, 60)``: requests allowed, and the period in seconds."""
    count, period = rate.split("/")
    return int(count), SECONDS[period[0]]


@dataclass(frozen=True)
class Window:
    """One counter in one fixed window: its cache key and when the window ends."""

    key: str
    ends_at: float

    def retry_after(self):
        """Whole seconds until a new window starts, at least one."""
        return max(1, math.ceil(self.ends_at - time.time()))


def increment(key, timeout):
    """Add one to the counter at ``key``, created at zero to live ``timeout`` seconds, and
    return its new value.

    On Redis, one round trip: ``SET NX EX`` and ``INCR`` sent together in one transaction
    (Django's ``add`` then ``incr`` would take three, ``incr`` checking the key first).
    Elsewhere, ``add`` then ``incr``, each atomic in the cache.
    """
    cache = caches["default"]
    if isinstance(cache, RedisCache):
        key = cache.make_and_validate_key(key)
        # Django's Redis backend gives no pipeline; its client pool does.
        with cache._cache.get_client(key, write=True).pipeline() as pipeline:
            pipeline.set(key, 0, ex=timeout, nx=True)
            pipeline.incr(key)
            return pipeline.execute()[1]
    cache.add(key, 0, timeout=timeout)
    return cache.incr(key)


class FixedWindowCounter:
    """Counts hits per identity in fixed windows, with the rate of a throttle scope.

    DRF's throttles read a history of request times, extend it and write it back (a
    pickled list, on every request), so concurrent requests all read the same history and
    a burst passes more than the limit. Here a hit is one atomic increment of a counter
    in a shared cache, so each of N concurrent hits gets its own count and exactly the
    limit pass, in one cache round trip.

    Windows follow the clock (a minute's window starts on the minute), so a window's key
    and end are known without asking the cache. The price: a client may spend one
    window's limit at its end and the next one's at the start of the next.
    """

    def __init__(self, scope):
        self.scope = scope
        self.limit, self.duration = parse_rate(api_settings.DEFAULT_THROTTLE_RATES[scope])

    def window(self, *ident):
        """The current window of the identity made of ``ident`` (hashed: keys stay short)."""
        digest = hashlib.sha256("\0".join(ident).encode()).hexdigest()
        number = int(time.time() // self.duration)
        return Window(f"counter:{self.scope}:{digest}:{number}", (number + 1) * self.duration)

    def hit(self, window):
        """Count one hit; return the window's count, this hit included."""
        # Kept past the window's end, so that an undo never meets a counter just gone.
        return increment(window.key, 2 * self.duration)

    def undo(self, window):
        """Take back one hit, for an attempt that turned out not to count."""
        # A window long over has lost its counter: nothing to give back.
        with contextlib.suppress(ValueError):
            caches["default"].decr(window.key)

    def allows(self, count):
        return count <= self.limit
