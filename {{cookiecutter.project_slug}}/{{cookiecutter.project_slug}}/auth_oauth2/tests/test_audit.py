"""The authorization server's tokens and sign-ins, as the audit log records them."""

from django.test import Client

from .clients import REVOKE_URL, Application, Browser, basic, client_credentials, make_application


def test_a_client_credentials_token_is_recorded(user, recorded):
    application = make_application(user, grant=Application.GRANT_CLIENT_CREDENTIALS)

    response = client_credentials(application, scope="read")

    assert response.status_code == 200
    [event] = recorded("credential.issued")
    assert (event["target_type"], event["target_id"]) == (
        "oauth2_provider.application",
        str(application.pk),
    )
    assert event["details"] == {
        "kind": "oauth2_token",
        "grant": "client_credentials",
        "scope": "read",
    }


def test_a_revocation_names_the_client_that_asked(user, recorded):
    application = make_application(user, grant=Application.GRANT_CLIENT_CREDENTIALS)
    token = client_credentials(application).json()["access_token"]

    response = Client().post(REVOKE_URL, {"token": token}, **basic(application))

    assert response.status_code == 200
    [event] = recorded("credential.revoked")
    assert event["details"] == {"kind": "oauth2_token", "client": application.client_id}


def test_the_sign_in_page_records_its_sign_ins(user, password, recorded):
    browser = Browser()

    browser.sign_in("alice", "not-the-password")
    browser.sign_in("alice", password)

    assert [(event["event"], event["strategy"]) for event in recorded()] == [
        ("login.failed", "oauth2"),
        ("login.succeeded", "oauth2"),
    ]
    assert recorded("login.succeeded")[0]["actor_username"] == "alice"
