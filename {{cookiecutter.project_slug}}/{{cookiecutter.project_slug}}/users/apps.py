from django.apps import AppConfig


class UsersConfig(AppConfig):
    """The custom user model and the endpoints about the caller's own account."""

    name = "{{ cookiecutter.project_slug }}.users"
    label = "users"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib import admin

        from .forms import AdminSignInForm

        # The admin signs people in through the same login steps as the API.
        admin.site.login_form = AdminSignInForm
        admin.site.login_template = "users/admin_login.html"
