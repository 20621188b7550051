"""The demo user holds the ``admin`` role: every document action, and ``/api/rbac/``."""

from datetime import timedelta

from django.utils import timezone

from {{ cookiecutter.project_slug }}.rbac.models import Role, RoleAssignment
from {{ cookiecutter.project_slug }}.rbac.roles import DEFAULT_ROLES


def test_the_demo_user_holds_the_admin_role_and_manages_roles(login, run_demo_user):
    demo = run_demo_user()
    client = login(demo.user, demo.password)

    assert "holds the 'admin' role" in demo.output
    assert client.get("/api/auth/me/").json()["roles"] == ["admin"]
    roles = client.get("/api/rbac/roles/")
    assert roles.status_code == 200
    assert [row["name"] for row in roles.json()["results"]] == ["admin", "editor", "viewer"]
    assert client.get("/api/rbac/assignments/").status_code == 200


def test_running_it_again_keeps_one_assignment_without_expiry(run_demo_user):
    run_demo_user()
    RoleAssignment.objects.update(expires_at=timezone.now() - timedelta(minutes=1))

    demo = run_demo_user()

    assignment = RoleAssignment.objects.get()
    assert (assignment.user, assignment.role.name) == (demo.user, "admin")
    assert assignment.expires_at is None


def test_a_deleted_admin_role_comes_back_with_its_default_permissions(login, run_demo_user):
    Role.objects.filter(name="admin").delete()

    demo = run_demo_user()

    role = Role.objects.get(name="admin")
    granted = {f"{p.content_type.app_label}.{p.codename}" for p in role.permissions.all()}
    assert granted == set(DEFAULT_ROLES["admin"])
    assert login(demo.user, demo.password).get("/api/rbac/roles/").status_code == 200
