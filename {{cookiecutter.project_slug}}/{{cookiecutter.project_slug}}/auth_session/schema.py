from drf_spectacular.authentication import SessionScheme as BaseSessionScheme


class SessionScheme(BaseSessionScheme):
    target_class = "{{ cookiecutter.project_slug }}.auth_session.authentication.SessionAuthentication"
