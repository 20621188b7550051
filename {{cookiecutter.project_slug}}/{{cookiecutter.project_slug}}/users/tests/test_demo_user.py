"""``manage.py demo_user``: the account the README starts from, under any permission model.

What the permission model grants it on top is tested with the model itself.
"""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from {{ cookiecutter.project_slug }}.documents.models import Document
from {{ cookiecutter.project_slug }}.users.models import User

DOCUMENTS_URL = "/api/documents/"


def test_the_demo_user_logs_in_and_uses_documents(login, run_demo_user):
    demo = run_demo_user()
    client = login(demo.user, demo.password)

    created = client.post(DOCUMENTS_URL, {"title": "Plan", "body": "draft"})
    assert created.status_code == 201, created.content
    detail_url = f"{DOCUMENTS_URL}{created.json()['id']}/"
    listed = client.get(DOCUMENTS_URL).json()["results"]
    assert [row["title"] for row in listed] == ["Plan"]
    changed = client.patch(detail_url, {"title": "Final"})
    assert changed.status_code == 200, changed.content
    assert changed.json()["title"] == "Final"
    assert client.delete(detail_url).status_code == 204
    assert not Document.objects.exists()


def test_the_password_is_printed_once_and_stored_hashed(run_demo_user):
    demo = run_demo_user()

    assert demo.output.count(demo.password) == 1
    assert demo.output.startswith("User 'demo' is ready")
    assert demo.password not in demo.user.password


def test_running_it_again_resets_the_password_and_duplicates_nothing(run_demo_user):
    first = run_demo_user()
    User.objects.filter(username="demo").update(is_active=False)

    second = run_demo_user()

    assert User.objects.filter(username="demo").count() == 1
    assert second.password != first.password
    assert second.user.is_active
    assert second.user.check_password(second.password)
    assert not second.user.check_password(first.password)
    assert second.output.replace(second.password, "") == first.output.replace(first.password, "")


def test_another_case_resets_the_demo_user_instead_of_adding_one(run_demo_user, settings):
    first = run_demo_user()
    settings.DEBUG = True
    output = StringIO()

    call_command("demo_user", "--username", "Demo", stdout=output)

    assert list(User.objects.values_list("username", flat=True)) == ["demo"]
    password = output.getvalue().rsplit(" ", 1)[-1].strip()
    first.user.refresh_from_db()
    assert first.user.check_password(password)
    assert output.getvalue().startswith("User 'demo' is ready")


@pytest.mark.django_db
def test_demo_user_refuses_to_run_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="local development only"):
        call_command("demo_user")

    assert not User.objects.exists()


def admin_login(username, password):
    """Sign in on the admin's login page; return the client and the page's answer."""
    client = Client()
    response = client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
    )
    return client, response


def test_the_readme_admin_step_opens_the_admin_the_demo_user_stays_out_of(
    run_demo_user, run_admin_step
):
    """The README keeps the demo user an ordinary account and has a superuser created for
    the admin; each gets what the README says."""
    demo = run_demo_user()
    administrator = run_admin_step()

    assert not demo.user.is_staff
    assert administrator.user.is_superuser
    refused_client, refused = admin_login(demo.user.username, demo.password)
    assert refused.status_code == 200  # the form again, with its error
    assert refused_client.get(reverse("admin:index")).status_code == 302
    client, signed_in = admin_login(administrator.user.username, administrator.password)
    assert signed_in.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200
