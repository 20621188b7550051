from drf_spectacular.extensions import OpenApiAuthenticationExtension

from .authentication import HEADER


class APIKeyScheme(OpenApiAuthenticationExtension):
    target_class = "{{ cookiecutter.project_slug }}.auth_api_key.authentication.APIKeyAuthentication"
    name = "apiKeyAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "header", "name": HEADER}
