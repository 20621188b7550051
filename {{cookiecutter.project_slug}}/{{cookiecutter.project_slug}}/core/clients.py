from rest_framework.throttling import BaseThrottle


def client_ip(request):
    """``REMOTE_ADDR``, or ``X-Forwarded-For`` as far as ``NUM_PROXIES`` trusted proxies wrote it.

    Rest framework's own rule, so that everything telling clients apart by address sees the
    same one. A request from no client (a shell) has none.
    """
    return BaseThrottle().get_ident(request) if request is not None else ""
