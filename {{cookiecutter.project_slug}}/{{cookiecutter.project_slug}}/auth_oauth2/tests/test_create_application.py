"""``create_oauth2_application`` registers clients from a shell."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from oauth2_provider.models import get_application_model

from .clients import REDIRECT_URI, bearer, client_credentials

Application = get_application_model()


def create(*args):
    """Run the command; return what it printed, by label."""
    output = StringIO()
    call_command("create_oauth2_application", *args, stdout=output)
    return dict(
        re.findall(r"^(client_id|client_secret \(shown once\)): (\S+)$", output.getvalue(), re.M)
    )


def test_a_machine_client_gets_a_secret_shown_once_and_stored_hashed(user):
    printed = create("reports", "--user", "alice", "--grant", "client-credentials")

    secret = printed["client_secret (shown once)"]
    application = Application.objects.get(client_id=printed["client_id"])
    assert application.client_secret != secret
    assert secret not in application.client_secret
    response = client_credentials(application, secret, scope="read")
    assert response.status_code == 200, response.content
    assert bearer(response.json()["access_token"]).get("/api/auth/me/").status_code == 200


def test_a_public_client_gets_no_secret(user):
    printed = create(
        "spa", "--user", "alice", "--client-type", "public", "--redirect-uri", REDIRECT_URI
    )

    assert "client_secret (shown once)" not in printed
    application = Application.objects.get(client_id=printed["client_id"])
    assert application.client_type == Application.CLIENT_PUBLIC
    assert application.authorization_grant_type == Application.GRANT_AUTHORIZATION_CODE
    assert application.redirect_uris == REDIRECT_URI


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["x", "--user", "nobody", "--redirect-uri", REDIRECT_URI], "--user: no active user"),
        (["x", "--user", "alice"], "--redirect-uri: the authorization-code grant needs"),
        (
            ["x", "--user", "alice", "--grant", "client-credentials", "--client-type", "public"],
            "--client-type: the client-credentials grant needs a confidential client",
        ),
        (
            ["x", "--user", "alice", "--redirect-uri", "http://client.example.com/cb"],
            "redirect_uris",
        ),
        (["x", "--user", "alice", "--redirect-uri", "not a uri"], "redirect_uris"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_created(user, args, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        create(*args)

    assert not Application.objects.exists()


def test_the_owner_is_found_as_the_login_finds_users(user):
    output = StringIO()
    call_command(
        "create_oauth2_application",
        "reports",
        *("--user", "ALICE", "--grant", "client-credentials"),
        stdout=output,
    )

    assert Application.objects.get().user == user
    assert output.getvalue().startswith("Application 'reports' for alice:\n")


@pytest.mark.parametrize("username", ["nobody", "Bob"])
def test_an_owner_not_found_is_named_with_the_fix(make_user, username):
    make_user("bob", is_active=False)

    with pytest.raises(CommandError) as refused:
        create("x", "--user", username, "--grant", "client-credentials")

    assert str(refused.value) == (
        f"--user: no active user named {username!r}: create the account, or reactivate it."
    )
    assert not Application.objects.exists()
