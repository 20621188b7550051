"""RFC 8414 authorization server metadata, at the site root where clients look for it."""

from django.urls import path
from oauth2_provider import views as oauth2_views

urlpatterns = [
    path(
        ".well-known/oauth-authorization-server",
        oauth2_views.OAuthServerMetadataView.as_view(),
        name="oauth-server-metadata",
    ),
]
