"""Changes of roles and of who holds them, as the audit log records them."""

ROLES_URL = "/api/rbac/roles/"
ASSIGNMENTS_URL = "/api/rbac/assignments/"


def test_role_assignments_are_recorded_with_the_user_and_the_role(
    strategy, login, admin, other_user, recorded
):
    client = login(admin)

    created = client.post(ASSIGNMENTS_URL, {"user": str(other_user.pk), "role": "viewer"})
    url = f"{ASSIGNMENTS_URL}{created.json()['id']}/"
    changed = client.patch(url, {"role": "editor"})
    removed = client.delete(url)

    assert (created.status_code, changed.status_code, removed.status_code) == (201, 200, 204)
    events = [event for event in recorded() if event["event"].startswith("role.")]
    assert [(event["event"], event["details"]["role"]) for event in events] == [
        ("role.assigned", "viewer"),
        ("role.assignment_changed", "editor"),
        ("role.unassigned", "editor"),
    ]
    for event in events:
        assert (event["actor_username"], event["strategy"]) == ("alice", strategy.name)
        assert (event["target_type"], event["target_id"]) == (
            "rbac.roleassignment",
            created.json()["id"],
        )
        assert event["details"]["user"] == "bob"


def test_role_definitions_are_recorded(login, admin, recorded):
    client = login(admin)

    client.post(ROLES_URL, {"name": "reader", "permissions": ["documents.view_document"]})
    client.patch(f"{ROLES_URL}reader/", {"permissions": []})
    client.delete(f"{ROLES_URL}reader/")

    events = [event for event in recorded() if event["event"].startswith("role.")]
    assert [event["event"] for event in events] == ["role.created", "role.updated", "role.deleted"]
    assert {event["target_type"] for event in events} == {"rbac.role"}
    assert all(event["actor_username"] == "alice" for event in events)


def test_a_caller_without_the_role_permission_is_refused_and_recorded(
    strategy, login, user, other_user, recorded
):
    response = login(user).post(ASSIGNMENTS_URL, {"user": str(other_user.pk), "role": "admin"})

    assert response.status_code == 403
    [event] = recorded("permission.denied")
    assert (event["actor_username"], event["strategy"]) == ("alice", strategy.name)
    assert event["details"] == {"method": "POST", "path": ASSIGNMENTS_URL}
    assert recorded("role.assigned") == []
