from django.conf import settings
from django.core import checks

# Backends whose state is private to one process: with several workers, each keeps its own
# counters and every limit is multiplied by the number of workers.
PER_PROCESS_BACKENDS = {
    "django.core.cache.backends.dummy.DummyCache",
    "django.core.cache.backends.locmem.LocMemCache",
}


def check_shared_cache(app_configs, **kwargs):
    """Throttle counters must live in a cache every worker shares."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend not in PER_PROCESS_BACKENDS:
        return []
    return [
        checks.Error(
            f"Throttling keeps its counters in the default cache, and {backend} is private "
            "to each process, so rate limits would not hold.",
            hint="Set REDIS_URL so the default cache is shared by every worker.",
            id="throttling.E001",
        )
    ]
