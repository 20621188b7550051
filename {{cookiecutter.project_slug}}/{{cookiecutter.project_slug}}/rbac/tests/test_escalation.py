"""A manager's reach ends with their own roles: no self-extension, no lasting grants."""

from datetime import timedelta

import pytest
from django.utils import timezone

from {{ cookiecutter.project_slug }}.rbac.models import RoleAssignment

ASSIGNMENTS_URL = "/api/rbac/assignments/"


@pytest.fixture
def soon():
    return timezone.now() + timedelta(days=1)


@pytest.fixture
def temporary_admin(user, assign, soon):
    """Alice, admin until tomorrow."""
    assign(user, "admin", expires_at=soon)
    return user


@pytest.fixture
def permanent_admin(make_user, assign):
    carol = make_user("carol")
    assign(carol, "admin")
    return carol


def detail(assignment):
    return f"{ASSIGNMENTS_URL}{assignment.pk}/"


@pytest.mark.parametrize("change", [{"expires_at": None}, {"role": "viewer"}])
def test_nobody_changes_or_deletes_their_own_assignment(login, temporary_admin, soon, change):
    own = RoleAssignment.objects.get(user=temporary_admin)
    client = login(temporary_admin)

    changed = client.patch(detail(own), change, format="json")
    deleted = client.delete(detail(own))

    assert changed.status_code == 403
    assert changed.json()["code"] == "permission_denied"
    assert deleted.status_code == 403
    own.refresh_from_db()
    assert (own.role.name, own.expires_at) == ("admin", soon)


def test_a_grant_cannot_outlive_the_granters_own(login, temporary_admin, other_user, soon):
    client = login(temporary_admin)
    later = (soon + timedelta(seconds=1)).isoformat()

    forever = client.post(ASSIGNMENTS_URL, {"user": other_user.pk, "role": "admin"})
    too_late = client.post(
        ASSIGNMENTS_URL, {"user": other_user.pk, "role": "viewer", "expires_at": later}
    )

    assert forever.status_code == too_late.status_code == 403
    assert not RoleAssignment.objects.filter(user=other_user).exists()
    within = client.post(
        ASSIGNMENTS_URL, {"user": other_user.pk, "role": "admin", "expires_at": soon.isoformat()}
    )
    assert within.status_code == 201, within.content


def test_a_grant_cannot_be_extended_past_the_granters_own(
    login, temporary_admin, other_user, assign, soon
):
    theirs = assign(other_user, "viewer", expires_at=soon)

    response = login(temporary_admin).patch(detail(theirs), {"expires_at": None}, format="json")

    assert response.status_code == 403
    theirs.refresh_from_db()
    assert theirs.expires_at == soon


def test_the_longest_assignment_holding_a_permission_sets_the_limit(
    login, temporary_admin, assign, other_user, soon
):
    assign(temporary_admin, "viewer")
    client = login(temporary_admin)

    viewer = client.post(ASSIGNMENTS_URL, {"user": other_user.pk, "role": "viewer"})
    editor = client.post(ASSIGNMENTS_URL, {"user": other_user.pk, "role": "editor"})

    assert viewer.status_code == 201, viewer.content
    assert editor.status_code == 403


def test_permanent_admins_grant_for_good(login, permanent_admin, other_user):
    response = login(permanent_admin).post(
        ASSIGNMENTS_URL, {"user": other_user.pk, "role": "admin"}
    )

    assert response.status_code == 201, response.content
    assert RoleAssignment.objects.get(user=other_user).expires_at is None


def test_the_user_of_an_assignment_cannot_be_changed(
    login, permanent_admin, temporary_admin, other_user, assign
):
    theirs = assign(other_user, "admin")

    response = login(permanent_admin).patch(
        detail(theirs), {"user": str(temporary_admin.pk), "role": "admin"}, format="json"
    )

    assert response.status_code == 200, response.content
    assert response.json()["user"] == str(other_user.pk)
    theirs.refresh_from_db()
    assert theirs.user == other_user


@pytest.mark.parametrize("method", ["patch", "delete"])
def test_temporary_admins_cannot_touch_permanent_ones(
    login, temporary_admin, permanent_admin, soon, method
):
    theirs = RoleAssignment.objects.get(user=permanent_admin)
    client = login(temporary_admin)

    if method == "patch":
        response = client.patch(detail(theirs), {"expires_at": soon.isoformat()})
    else:
        response = client.delete(detail(theirs))

    assert response.status_code == 403
    theirs.refresh_from_db()
    assert theirs.expires_at is None


def test_permanent_admins_revoke_temporary_ones(login, permanent_admin, temporary_admin):
    theirs = RoleAssignment.objects.get(user=temporary_admin)

    response = login(permanent_admin).delete(detail(theirs))

    assert response.status_code == 204
    assert not RoleAssignment.objects.filter(user=temporary_admin).exists()


def test_assignments_of_users_without_management_stay_in_reach(
    login, temporary_admin, other_user, assign, soon
):
    theirs = assign(other_user, "editor")

    response = login(temporary_admin).delete(detail(theirs))

    assert response.status_code == 204


def test_superusers_grant_anything_for_good(login, make_user, other_user):
    root = make_user("root", is_superuser=True)

    response = login(root).post(ASSIGNMENTS_URL, {"user": other_user.pk, "role": "admin"})

    assert response.status_code == 201, response.content
