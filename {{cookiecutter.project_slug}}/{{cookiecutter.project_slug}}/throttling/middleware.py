class RateLimitHeadersMiddleware:
    """Tell the client where it stands against the rates that counted its request.

    ``RateLimit-Policy`` names each rate (``q`` requests per ``w`` seconds) and
    ``RateLimit`` what is left of it (``r``) and when its window starts over (``t``
    seconds), in the syntax of the IETF httpapi draft; a 429 also says ``Retry-After``.
    The counts are those the throttles already took: the headers cost no cache operation.
    https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        quotas = getattr(request, "rate_quotas", None)
        if quotas:
            response["RateLimit-Policy"] = ", ".join(
                f'"{quota.scope}";q={quota.limit};w={quota.duration}' for quota in quotas
            )
            response["RateLimit"] = ", ".join(
                f'"{quota.scope}";r={quota.remaining};t={quota.window.retry_after()}'
                for quota in quotas
            )
        return response
