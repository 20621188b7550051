from django.contrib.auth import views as auth_views
from oauth2_provider import views as oauth2_views


class LoginView(auth_views.LoginView):
    """The authorization page's sign-in: Django's login form, checked like the admin's.

    It signs the user in to this server only, to approve an application; the API itself
    accepts the tokens the application then obtains. After signing in, the user goes back
    to the authorization request (``next``), never to another host.
    """

    template_name = "auth_oauth2/login.html"
    redirect_authenticated_user = True


class AuthorizationView(oauth2_views.AuthorizationView):
    """django-oauth-toolkit's consent page, rendered by this project's template."""

    template_name = "auth_oauth2/authorize.html"
