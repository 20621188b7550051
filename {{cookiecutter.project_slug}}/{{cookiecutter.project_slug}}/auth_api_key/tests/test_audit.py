"""API keys created and revoked through the API, as the audit log records them."""

from rest_framework.test import APIClient

KEYS_URL = "/api/auth/api-keys/"


def test_a_key_created_and_revoked_is_recorded_by_its_id(
    password_strategy, user, password, recorded
):
    client = APIClient(enforce_csrf_checks=True)
    password_strategy.sign_in(client, user, password)

    created = client.post(KEYS_URL, {"name": "ci"})
    revoked = client.delete(f"{KEYS_URL}{created.json()['id']}/")

    assert (created.status_code, revoked.status_code) == (201, 204)
    events = [recorded("credential.issued")[-1], recorded("credential.revoked")[-1]]
    for event in events:
        assert (event["actor_username"], event["strategy"]) == ("alice", password_strategy.name)
        assert (event["target_type"], event["target_id"]) == (
            "auth_api_key.userapikey",
            created.json()["id"],
        )
        assert event["details"] == {"kind": "api_key"}
