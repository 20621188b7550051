from django.core.management import call_command

from {{ cookiecutter.project_slug }}.rbac.models import Role
from {{ cookiecutter.project_slug }}.rbac.roles import DEFAULT_ROLES


def role_permissions():
    return {
        role.name: {f"{p.content_type.app_label}.{p.codename}" for p in role.permissions.all()}
        for role in Role.objects.prefetch_related("permissions__content_type")
    }


def test_migrate_creates_the_default_roles(db):
    roles = role_permissions()

    assert set(roles) == {"viewer", "editor", "admin"}
    assert roles["viewer"] == {"documents.view_document"}
    assert roles["viewer"] < roles["editor"] < roles["admin"]
    assert "rbac.manage_roles" in roles["admin"]


def test_setup_roles_restores_the_defaults_and_is_idempotent(db, capsys):
    Role.objects.get(name="viewer").delete()
    Role.objects.get(name="editor").permissions.clear()
    Role.objects.create(name="custom")

    call_command("setup_roles")
    call_command("setup_roles")

    expected = {name: set(names) for name, names in DEFAULT_ROLES.items()} | {"custom": set()}
    assert role_permissions() == expected
    assert "viewer, editor, admin" in capsys.readouterr().out
