from drf_spectacular.contrib.knox_auth_token import KnoxTokenScheme


class TokenScheme(KnoxTokenScheme):
    target_class = "{{ cookiecutter.project_slug }}.auth_token.authentication.TokenAuthentication"
