from drf_spectacular.contrib.django_oauth_toolkit import DjangoOAuthToolkitScheme

from .authentication import OAuth2Authentication


class OAuth2Scheme(DjangoOAuthToolkitScheme):
    """drf-spectacular's description of django-oauth-toolkit, for the subclass used here.

    Its flows and URLs come from ``SPECTACULAR_SETTINGS``; each operation asks for the scope
    the authentication class enforces for its method.
    """

    target_class = "{{ cookiecutter.project_slug }}.auth_oauth2.authentication.OAuth2Authentication"

    def get_security_requirement(self, auto_schema):
        return {self.name: [OAuth2Authentication.scope_for(auto_schema.method)]}
