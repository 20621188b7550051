from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse

from {{ cookiecutter.project_slug }}.core.clients import client_ip
from {{ cookiecutter.project_slug }}.core.events import announce
from {{ cookiecutter.project_slug }}.throttling.counters import FixedWindowCounter


class LoginFormRateMiddleware:
    """Limit failed logins on the HTML login forms per client IP (``admin_login``).

    The forms are the URL names in ``settings.LOGIN_FORMS``: the admin's, and any other
    page that signs users in with a password. The lockout counts guesses per username; this
    stops one address from trying many usernames, as the API's ``login`` rate does for the
    API. The count is taken before the form is checked and given back when it logged
    someone in (a redirect), so concurrent attempts cannot pass the limit.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST" or request.path not in map(reverse, settings.LOGIN_FORMS):
            return self.get_response(request)
        counter = FixedWindowCounter("admin_login")
        window = counter.window(client_ip(request))
        if not counter.allows(counter.hit(window)):
            announce("request.throttled", request=request, scope=counter.scope)
            return HttpResponse(
                "Too many failed logins from this address; try again later.",
                content_type="text/plain",
                status=429,
                headers={"Retry-After": str(window.retry_after())},
            )
        response = self.get_response(request)
        if response.status_code == 302:
            counter.undo(window)
        return response
