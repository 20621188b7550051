"""The authorization server's endpoints, under ``/o/``.

Only what the grants offered here need: no implicit or password grant, no application
management pages (applications come from the admin or ``create_oauth2_application``).
The RFC 8414 metadata lives at the site root (``well_known_urls``).
"""

from django.urls import path
from oauth2_provider import views as oauth2_views

from .views import AuthorizationView, LoginView, RevokeTokenView, TokenView

# django-oauth-toolkit reverses its views in this namespace (for the server metadata).
app_name = "oauth2_provider"

urlpatterns = [
    path("login/", LoginView.as_view(), name="login"),
    path("authorize/", AuthorizationView.as_view(), name="authorize"),
    path("token/", TokenView.as_view(), name="token"),
    path("revoke_token/", RevokeTokenView.as_view(), name="revoke-token"),
    path("introspect/", oauth2_views.IntrospectTokenView.as_view(), name="introspect"),
]
