"""The admin lists applications and tokens; it never shows a token or a secret."""

import pytest
from oauth2_provider.models import get_access_token_model

from .clients import CLIENT_SECRET, issue_token, make_application

ADMIN = "/admin/oauth2_provider"


@pytest.fixture
def admin_client(client, make_user):
    admin = make_user("root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    return client


@pytest.mark.parametrize("model", ["application", "accesstoken", "refreshtoken", "grant"])
def test_the_admin_lists_oauth2_objects(admin_client, user, model):
    token = issue_token(user, application=make_application(user))

    page = admin_client.get(f"{ADMIN}/{model}/")

    assert page.status_code == 200
    assert token not in page.content.decode()
    assert CLIENT_SECRET not in page.content.decode()


def test_a_token_page_shows_no_token(admin_client, user):
    token = issue_token(user)
    stored = get_access_token_model().objects.get()

    page = admin_client.get(f"{ADMIN}/accesstoken/{stored.pk}/change/")

    assert page.status_code == 200
    assert token not in page.content.decode()
