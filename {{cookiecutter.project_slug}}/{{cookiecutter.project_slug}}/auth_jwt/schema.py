"""OpenAPI descriptions for this app's subclasses of simplejwt's classes.

drf-spectacular describes simplejwt's own classes and matches them exactly, not their
subclasses; these extensions point the same descriptions at the classes used here.
"""

from drf_spectacular.contrib import rest_framework_simplejwt as simplejwt_schema

PACKAGE = "{{ cookiecutter.project_slug }}.auth_jwt"


class JWTScheme(simplejwt_schema.SimpleJWTScheme):
    target_class = f"{PACKAGE}.authentication.JWTAuthentication"


class RefreshSerializerExtension(simplejwt_schema.TokenRefreshSerializerExtension):
    target_class = f"{PACKAGE}.serializers.RefreshSerializer"


class VerifySerializerExtension(simplejwt_schema.TokenVerifySerializerExtension):
    target_class = f"{PACKAGE}.serializers.VerifySerializer"
