from django.apps import AppConfig


class TenancyConfig(AppConfig):
    """Tenants, their members, and the active tenant that scopes each request."""

    name = "{{ cookiecutter.project_slug }}.tenancy"
    label = "tenancy"
    verbose_name = "Tenants"

    def ready(self):
        from {{ cookiecutter.project_slug }}.users.serializers import add_me_field

        from .serializers import MembershipsField

        add_me_field("memberships", MembershipsField)
