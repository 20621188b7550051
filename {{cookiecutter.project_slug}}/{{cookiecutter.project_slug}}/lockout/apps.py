from django.apps import AppConfig


class LockoutConfig(AppConfig):
    """Limits on password guessing wherever a password is checked: the API and the admin.

    ``backends.LockoutBackend`` counts failed logins per username, so every login that
    goes through ``authenticate()`` shares one lockout; ``middleware`` limits the admin's
    login form per client IP, as the API's login rate does for the API.
    """

    name = "{{ cookiecutter.project_slug }}.lockout"
    label = "lockout"
