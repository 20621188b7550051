import base64
import binascii
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from django.contrib.auth import views as auth_views
from django.db import transaction
from django.http import JsonResponse
from oauth2_provider import views as oauth2_views
from oauth2_provider.settings import oauth2_settings

from {{ cookiecutter.project_slug }}.core.events import announce
from {{ cookiecutter.project_slug }}.users.forms import SignInForm


class AuthorizationSignInForm(SignInForm):
    """The sign-in form of the authorization page, announcing its sign-ins as ``oauth2``."""

    strategy = "oauth2"


class LoginView(auth_views.LoginView):
    """The authorization page's sign-in: Django's login form, checked like the admin's.

    It signs the user in to this server only, to approve an application; the API itself
    accepts the tokens the application then obtains. The form takes the login steps of
    every sign-in. After signing in, the user goes back to the authorization request
    (``next``), never to another host.
    """

    authentication_form = AuthorizationSignInForm
    template_name = "auth_oauth2/login.html"
    redirect_authenticated_user = True


class AuthorizationView(oauth2_views.AuthorizationView):
    """django-oauth-toolkit's consent page, rendered by this project's template.

    Every redirect back to the client names this server in ``iss`` (RFC 9207), so a client
    talking to several servers can tell whose answer it got: the library adds it to codes,
    this adds it to errors (a denial, a refused PKCE method) too.
    """

    template_name = "auth_oauth2/authorize.html"

    def redirect(self, redirect_to, application):
        location = urlsplit(redirect_to)
        query = parse_qsl(location.query, keep_blank_values=True)
        if "iss" not in dict(query):
            query.append(("iss", oauth2_settings.oauth2_authorization_server_issuer(self.request)))
            redirect_to = urlunsplit(location._replace(query=urlencode(query)))
        return super().redirect(redirect_to, application)


class TokenView(oauth2_views.TokenView):
    """django-oauth-toolkit's token endpoint, serving only the grants the server offers, one
    transaction per request.

    A grant it does not serve is refused before anything else is looked at. oauthlib would
    check the password of a ``password`` grant through ``authenticate()`` before refusing
    the grant, answering a right password differently from a wrong one: an oracle for
    anyone holding a public client's id, outside the API logins' rates and events.

    The validator locks the code or refresh token it checks; the lock holds until the new
    tokens are saved and the old code or token is spent, so each works once however many
    requests present it at the same time.
    """

    def post(self, request, *args, **kwargs):
        # oauthlib reads parameters from the query string too: every grant_type counts.
        grant_types = request.GET.getlist("grant_type") + request.POST.getlist("grant_type")
        if grant_types not in ([grant] for grant in oauth2_settings.OAUTH2_GRANT_TYPES_SUPPORTED):
            return unsupported_grant_type()
        with transaction.atomic():
            return super().post(request, *args, **kwargs)


def unsupported_grant_type():
    """The token endpoint's answer to a grant it does not serve (RFC 6749, section 5.2)."""
    return JsonResponse(
        {"error": "unsupported_grant_type"},
        status=400,
        headers={"Cache-Control": "no-store", "Pragma": "no-cache"},
    )


class RevokeTokenView(oauth2_views.RevokeTokenView):
    """django-oauth-toolkit's revocation endpoint (RFC 7009), announcing each revocation.

    The endpoint answers 200 whether or not the token existed, so the record names the
    client that asked, not the token.
    """

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        if response.status_code == 200:
            announce(
                "credential.revoked",
                request=request,
                kind="oauth2_token",
                client=client_id(request),
            )
        return response


def client_id(request):
    """The client id a request names, in its Basic credentials or its form."""
    scheme, _, credentials = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return request.POST.get("client_id", "")
    try:
        return unquote(base64.b64decode(credentials).decode().partition(":")[0])
    except (binascii.Error, UnicodeDecodeError):
        return ""
