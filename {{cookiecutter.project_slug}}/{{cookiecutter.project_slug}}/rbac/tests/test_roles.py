"""Managing roles and assignments over the API: admins only, and no escalation."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from {{ cookiecutter.project_slug }}.rbac.models import Role, RoleAssignment

ROLES_URL = "/api/rbac/roles/"
ASSIGNMENTS_URL = "/api/rbac/assignments/"
DOCUMENTS_URL = "/api/documents/"
ME_URL = "/api/auth/me/"


@pytest.fixture
def role_manager(make_user, assign, make_role):
    """Manages roles, but holds no document permission but viewing."""
    manager = make_user("manager")
    make_role("role-manager", "rbac.manage_roles", "documents.view_document")
    assign(manager, "role-manager")
    return manager


@pytest.mark.parametrize("role", [None, "viewer", "editor"])
def test_only_role_managers_reach_the_endpoints(login, user, assign, role):
    if role:
        assign(user, role)
    client = login(user)

    assert client.get(ROLES_URL).status_code == 403
    assert client.post(ROLES_URL, {"name": "mine", "permissions": []}).status_code == 403
    assert client.get(ASSIGNMENTS_URL).status_code == 403
    assert client.post(ASSIGNMENTS_URL, {"user": user.pk, "role": "admin"}).status_code == 403
    assert client.delete(f"{ROLES_URL}admin/").status_code == 403
    assert Role.objects.filter(name="admin").exists()


def test_the_administrator_of_the_readme_manages_roles_without_a_role(login, run_admin_step, user):
    """The README's superuser holds every permission, ``rbac.manage_roles`` included."""
    administrator = run_admin_step()
    client = login(administrator.user, administrator.password)

    assert client.get(ROLES_URL).status_code == 200
    assigned = client.post(ASSIGNMENTS_URL, {"user": user.pk, "role": "editor"})
    assert assigned.status_code == 201, assigned.content


def test_the_default_roles_are_listed_with_their_permissions(login, admin):
    response = login(admin).get(ROLES_URL)

    assert response.status_code == 200
    roles = {row["name"]: set(row["permissions"]) for row in response.json()["results"]}
    assert roles["viewer"] == {"documents.view_document"}
    assert roles["editor"] == {
        "documents.view_document",
        "documents.add_document",
        "documents.change_document",
    }
    assert "rbac.manage_roles" in roles["admin"]


def test_admins_create_change_and_delete_roles(login, admin):
    client = login(admin)

    created = client.post(ROLES_URL, {"name": "reader", "permissions": ["documents.view_document"]})
    assert created.status_code == 201, created.content
    changed = client.patch(
        f"{ROLES_URL}reader/", {"permissions": ["documents.view_document", "rbac.manage_roles"]}
    )
    assert changed.status_code == 200
    assert set(changed.json()["permissions"]) == {"documents.view_document", "rbac.manage_roles"}
    assert client.delete(f"{ROLES_URL}reader/").status_code == 204
    assert not Role.objects.filter(name="reader").exists()


@pytest.mark.parametrize("permission", ["documents.nope", "nothing", "", "auth.view_user.x"])
def test_unknown_permissions_are_refused(login, admin, permission):
    response = login(admin).post(ROLES_URL, {"name": "odd", "permissions": [permission]})

    assert response.status_code == 400
    assert "permissions" in response.json()["errors"]


def test_a_role_cannot_hold_permissions_its_creator_lacks(login, admin):
    response = login(admin).post(ROLES_URL, {"name": "root", "permissions": ["users.add_user"]})

    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert not Role.objects.filter(name="root").exists()


def test_managers_cannot_grant_what_they_do_not_hold(login, role_manager, other_user):
    client = login(role_manager)
    bob, manager = other_user.pk, role_manager.pk

    assert client.post(ASSIGNMENTS_URL, {"user": bob, "role": "editor"}).status_code == 403
    assert client.post(ASSIGNMENTS_URL, {"user": manager, "role": "admin"}).status_code == 403
    escalated = client.patch(
        f"{ROLES_URL}role-manager/",
        {"permissions": ["rbac.manage_roles", "documents.delete_document"]},
    )
    assert escalated.status_code == 403
    assert client.patch(f"{ROLES_URL}viewer/", {"permissions": []}).status_code == 200
    assert client.delete(f"{ROLES_URL}admin/").status_code == 403
    assert not RoleAssignment.objects.filter(user=other_user).exists()
    assert Role.objects.get(name="role-manager").permissions.count() == 2


def test_managers_cannot_take_back_what_they_do_not_hold(login, role_manager, assign, other_user):
    assignment = assign(other_user, "editor")

    response = login(role_manager).delete(f"{ASSIGNMENTS_URL}{assignment.pk}/")

    assert response.status_code == 403
    assert RoleAssignment.objects.filter(pk=assignment.pk).exists()


def test_managers_grant_roles_they_could_hold(login, role_manager, other_user):
    response = login(role_manager).post(ASSIGNMENTS_URL, {"user": other_user.pk, "role": "viewer"})

    assert response.status_code == 201
    assert response.json()["user"] == str(other_user.pk)
    assert RoleAssignment.objects.get(user=other_user).role.name == "viewer"


def test_an_assignment_grants_and_its_removal_revokes(login, admin, other_user):
    manager, grantee = login(admin), login(other_user)
    assert grantee.post(DOCUMENTS_URL, {"title": "x"}).status_code == 403

    created = manager.post(ASSIGNMENTS_URL, {"user": other_user.pk, "role": "editor"})
    assert created.status_code == 201
    assert grantee.post(DOCUMENTS_URL, {"title": "x"}).status_code == 201

    assert manager.delete(f"{ASSIGNMENTS_URL}{created.json()['id']}/").status_code == 204
    assert grantee.post(DOCUMENTS_URL, {"title": "y"}).status_code == 403


def test_assignments_are_unique_and_expire_in_the_future(login, admin, other_user):
    client = login(admin)
    past = (timezone.now() - timedelta(minutes=1)).isoformat()
    future = (timezone.now() + timedelta(days=1)).isoformat()

    bob = other_user.pk

    expired = client.post(ASSIGNMENTS_URL, {"user": bob, "role": "viewer", "expires_at": past})
    assert expired.status_code == 400
    assert "expires_at" in expired.json()["errors"]
    first = client.post(ASSIGNMENTS_URL, {"user": bob, "role": "viewer", "expires_at": future})
    assert first.status_code == 201
    assert client.post(ASSIGNMENTS_URL, {"user": bob, "role": "viewer"}).status_code == 400


def test_assignments_show_the_user_id_and_a_read_only_username(login, admin, other_user):
    client = login(admin)

    created = client.post(
        ASSIGNMENTS_URL, {"user": other_user.pk, "role": "viewer", "username": "alice"}
    )

    assert created.status_code == 201, created.content
    expected = {"user": str(other_user.pk), "username": "bob", "role": "viewer"}
    assert expected.items() <= created.json().items()
    listed = client.get(ASSIGNMENTS_URL).json()["results"]
    assert {(row["user"], row["username"], row["role"]) for row in listed} == {
        (str(admin.pk), "alice", "admin"),
        (str(other_user.pk), "bob", "viewer"),
    }


@pytest.mark.parametrize(
    "user_id",
    [
        "bob",
        "",
        "1",
        "not-a-uuid",
        "9200db02-daa6-4515-aa3e-e9909f7a3f68x",
        -1,
        2**128,
        1.5,
        None,
        [],
        {"id": 1},
    ],
)
def test_malformed_user_ids_are_refused(login, admin, user_id):
    created = login(admin).post(ASSIGNMENTS_URL, {"user": user_id, "role": "viewer"}, format="json")

    assert created.status_code == 400
    assert "user" in created.json()["errors"]
    assert RoleAssignment.objects.get().user == admin


@pytest.mark.parametrize("known_elsewhere", [False, True])
def test_unknown_user_ids_are_refused(login, admin, known_elsewhere):
    # The id of another kind of object is as unknown as a random one.
    user_id = RoleAssignment.objects.get().pk if known_elsewhere else uuid.uuid4()

    response = login(admin).post(ASSIGNMENTS_URL, {"user": str(user_id), "role": "viewer"})

    assert response.status_code == 400
    assert "user" in response.json()["errors"]
    assert RoleAssignment.objects.count() == 1


def test_me_lists_active_roles_only(login, user, assign):
    assign(user, "viewer")
    assign(user, "editor", expires_at=timezone.now() - timedelta(seconds=1))

    response = login(user).get(ME_URL)

    assert response.json()["roles"] == ["viewer"]


def test_me_lists_no_roles_for_a_user_without_any(login, user):
    assert login(user).get(ME_URL).json()["roles"] == []


@pytest.mark.parametrize("rows", [1, 12])
def test_listing_costs_the_same_for_any_page(
    login, strategy, admin, make_user, assign, make_role, django_assert_num_queries, rows
):
    for n in range(rows):
        make_role(f"role-{n}", "documents.view_document", "documents.add_document")
        assign(make_user(f"user{n}"), f"role-{n}")
    client = login(admin)

    # permissions + count + page (+ the roles' permissions, prefetched)
    with django_assert_num_queries(strategy.auth_queries + 1 + 2 + 1):
        roles = client.get(ROLES_URL)
    with django_assert_num_queries(strategy.auth_queries + 1 + 2):
        assignments = client.get(ASSIGNMENTS_URL)

    assert roles.json()["count"] == rows + 3
    assert assignments.json()["count"] == rows + 1
