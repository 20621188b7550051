"""A token lent to an application cannot mint API keys, which it could then keep."""

from .clients import bearer, issue_token

KEYS_URL = "/api/auth/api-keys/"


def test_an_oauth2_token_cannot_manage_api_keys(user):
    client = bearer(issue_token(user, scope="read write"))

    created = client.post(KEYS_URL, {"name": "exfiltrated"})
    listed = client.get(KEYS_URL)

    assert created.status_code == 403
    assert created.json()["detail"] == "API keys are managed with a login of the user's own."
    assert listed.status_code == 403
    assert not user.api_keys.exists()
