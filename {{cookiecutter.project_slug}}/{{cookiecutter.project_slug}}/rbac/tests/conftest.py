import pytest
from django.contrib.auth.models import Permission

from {{ cookiecutter.project_slug }}.rbac.models import Role, RoleAssignment


@pytest.fixture
def assign(db):
    """Return ``assign(user, role_name, expires_at=None) -> RoleAssignment``."""

    def make(user, role_name, expires_at=None):
        role = Role.objects.get(name=role_name)
        return RoleAssignment.objects.create(user=user, role=role, expires_at=expires_at)

    return make


@pytest.fixture
def make_role(db):
    """Return ``make_role(name, *permission_names) -> Role``; names are app_label.codename."""

    def make(name, *permission_names):
        role = Role.objects.create(name=name)
        for permission_name in permission_names:
            app_label, codename = permission_name.split(".")
            role.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        return role

    return make


@pytest.fixture
def admin(user, assign):
    """``user``, holding the ``admin`` role."""
    assign(user, "admin")
    return user
