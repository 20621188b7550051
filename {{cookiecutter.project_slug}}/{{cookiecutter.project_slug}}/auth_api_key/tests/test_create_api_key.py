"""``create_api_key`` issues keys from a shell, whether or not the API can."""

import pytest
from django.core.management import CommandError, call_command

from {{ cookiecutter.project_slug }}.auth_api_key.models import UserAPIKey
from {{ cookiecutter.project_slug }}.auth_api_key.tests.clients import with_key

ME_URL = "/api/auth/me/"


def test_create_api_key_command_prints_the_key_once(user, capsys):
    call_command("create_api_key", "alice", "--name", "deploy", "--read-only")

    key = capsys.readouterr().out.rsplit(" ", 1)[-1].strip()
    assert with_key(key).get(ME_URL).status_code == 200
    stored = UserAPIKey.objects.get()
    assert stored.read_only
    assert key not in stored.hashed_key


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nobody", "--name", "x"], "No active user"),
        (["alice", "--name", "x", "--expires-in-days", "0"], "at least 1"),
    ],
)
def test_create_api_key_command_refuses_bad_input(user, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("create_api_key", *args)
    assert not UserAPIKey.objects.exists()


def test_create_api_key_command_finds_the_user_as_the_login_does(user, capsys):
    call_command("create_api_key", "ALICE", "--name", "deploy")

    assert UserAPIKey.objects.get().user == user
    assert " for alice (shown once): " in capsys.readouterr().out


@pytest.mark.parametrize("username", ["nobody", "Bob"])
def test_create_api_key_command_names_the_user_it_did_not_find(make_user, username):
    make_user("bob", is_active=False)

    with pytest.raises(CommandError) as refused:
        call_command("create_api_key", username, "--name", "x")

    assert str(refused.value) == (
        f"No active user named {username!r}: create the account, or reactivate it."
    )
    assert not UserAPIKey.objects.exists()
