import contextlib
import hashlib
import math
import time
from dataclasses import dataclass

from django.core.cache import cache
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


class FixedWindowCounter:
    """Counts hits per identity in fixed windows, with the rate of a throttle scope.

    DRF's throttles read a history of request times, extend it and write it back, so
    concurrent requests all read the same history and a burst passes more than the limit.
    Here ``add`` creates a window's counter and ``incr`` bumps it, both atomic in a shared
    cache, so each of N concurrent hits gets its own count and exactly the limit pass.

    A window opens at an identity's first hit and lasts the rate's period. Its start is
    stored once (``get_or_set``) and names the counter, which is kept longer than the
    window, so a counter cannot expire between ``add`` and ``incr`` (an ``incr`` that
    recreated it would leave a counter that never expires).
    """

    def __init__(self, scope):
        self.scope = scope
        self.limit, self.duration = parse_rate(api_settings.DEFAULT_THROTTLE_RATES[scope])

    def window(self, *ident):
        """The open window of the identity made of ``ident`` (hashed: keys stay short)."""
        digest = hashlib.sha256("\0".join(ident).encode()).hexdigest()
        name = f"counter:{self.scope}:{digest}"
        start = cache.get_or_set(f"{name}:start", time.time, timeout=self.duration)
        return Window(f"{name}:{start}", start + self.duration)

    def hit(self, window):
        """Count one hit; return the window's count, this hit included."""
        cache.add(window.key, 0, timeout=2 * self.duration)
        return cache.incr(window.key)

    def undo(self, window):
        """Take back one hit, for an attempt that turned out not to count."""
        # A window already over has lost its counter: nothing to give back.
        with contextlib.suppress(ValueError):
            cache.decr(window.key)

    def allows(self, count):
        return count <= self.limit
