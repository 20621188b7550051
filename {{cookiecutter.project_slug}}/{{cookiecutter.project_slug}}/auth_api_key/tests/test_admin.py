"""Staff issue and revoke keys in the Django admin; the raw key is shown once."""

import re

import pytest
from django.urls import reverse

from {{ cookiecutter.project_slug }}.auth_api_key.models import UserAPIKey
from {{ cookiecutter.project_slug }}.auth_api_key.tests.clients import with_key

ME_URL = "/api/auth/me/"
SHOWN_KEY = re.compile(r"The API key for deploy is: (\S+)\. ")


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user("root", is_staff=True, is_superuser=True))
    return client


def test_an_admin_issues_a_key_and_sees_it_once(admin_client, user):
    response = admin_client.post(
        reverse("admin:auth_api_key_userapikey_add"),
        {"name": "deploy", "user": user.pk},
        follow=True,
    )

    shown = [SHOWN_KEY.match(str(message)) for message in response.context["messages"]]
    keys = [match[1] for match in shown if match]
    assert len(keys) == 1
    assert with_key(keys[0]).get(ME_URL).json()["username"] == user.username
    assert keys[0] not in UserAPIKey.objects.get().hashed_key
    changelist = admin_client.get(reverse("admin:auth_api_key_userapikey_changelist"))
    assert keys[0] not in changelist.content.decode()


def test_an_admin_revokes_a_key(admin_client, user):
    api_key, key = UserAPIKey.objects.create_key(user=user, name="deploy")

    response = admin_client.post(
        reverse("admin:auth_api_key_userapikey_change", args=[api_key.pk]),
        {"name": "deploy", "user": user.pk, "revoked": "on"},
    )

    assert response.status_code == 302
    assert with_key(key).get(ME_URL).status_code == 401
