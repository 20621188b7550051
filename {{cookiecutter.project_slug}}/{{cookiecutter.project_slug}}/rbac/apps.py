from django.apps import AppConfig


class RbacConfig(AppConfig):
    """Role-based access: roles bundle permissions, assignments give them to users."""

    name = "{{ cookiecutter.project_slug }}.rbac"
    label = "rbac"
    verbose_name = "Roles"

    def ready(self):
        from {{ cookiecutter.project_slug }}.users.serializers import add_me_field

        from .serializers import RolesField

        add_me_field("roles", RolesField)
