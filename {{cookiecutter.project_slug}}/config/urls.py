"""URL configuration: the API under /api/, the admin under DJANGO_ADMIN_URL, and a root
that points at the API's documentation."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
{%- if cookiecutter.auth_oauth2 %}
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularSwaggerOauthRedirectView,
    SpectacularSwaggerView,
)
{%- else %}
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
{%- endif %}

from {{ cookiecutter.project_slug }}.core.views import site_root

api_patterns = [
    path("auth/", include("{{ cookiecutter.project_slug }}.users.urls")),
{%- if cookiecutter.auth_session %}
    path("auth/session/", include("{{ cookiecutter.project_slug }}.auth_session.urls")),
{%- endif %}
{%- if cookiecutter.auth_token %}
    path("auth/token/", include("{{ cookiecutter.project_slug }}.auth_token.urls")),
{%- endif %}
{%- if cookiecutter.auth_jwt %}
    path("auth/jwt/", include("{{ cookiecutter.project_slug }}.auth_jwt.urls")),
{%- endif %}
{%- if cookiecutter.auth_mfa %}
    path("auth/mfa/", include("{{ cookiecutter.project_slug }}.auth_mfa.urls")),
{%- endif %}
{%- if cookiecutter.auth_api_key and (cookiecutter.auth_session or cookiecutter.auth_token or cookiecutter.auth_jwt) %}
    path("auth/", include("{{ cookiecutter.project_slug }}.auth_api_key.urls")),
{%- endif %}
    path("", include("{{ cookiecutter.project_slug }}.documents.urls")),
{%- if cookiecutter.permission_model == "rbac" %}
    path("rbac/", include("{{ cookiecutter.project_slug }}.rbac.urls")),
{%- elif cookiecutter.permission_model == "multi_tenant" %}
    path("", include("{{ cookiecutter.project_slug }}.tenancy.urls")),
{%- endif %}
{%- if cookiecutter.audit_log == "database" %}
    path("audit/", include("{{ cookiecutter.project_slug }}.audit.urls")),
{%- endif %}
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
{%- if cookiecutter.auth_oauth2 %}
    # Swagger UI's OAuth2 callback, next to the page (register it as a redirect URI).
    path("docs/oauth2-redirect.html", SpectacularSwaggerOauthRedirectView.as_view()),
{%- endif %}
]

urlpatterns = [
    path("", site_root, name="root"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("api/", include(api_patterns)),
{%- if cookiecutter.auth_oauth2 %}
    path("o/", include("{{ cookiecutter.project_slug }}.auth_oauth2.urls")),
    path("", include("{{ cookiecutter.project_slug }}.auth_oauth2.well_known_urls")),
{%- endif %}
]
