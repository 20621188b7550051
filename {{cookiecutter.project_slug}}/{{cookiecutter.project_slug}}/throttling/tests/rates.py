def limit(settings, scope):
    """How many requests the rate of ``scope`` allows in its period."""
    count, _period = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"][scope].split("/")
    return int(count)
