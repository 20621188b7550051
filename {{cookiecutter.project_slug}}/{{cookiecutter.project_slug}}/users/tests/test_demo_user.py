import pytest
from django.core.management import CommandError, call_command

from {{ cookiecutter.project_slug }}.users.models import User


@pytest.mark.django_db
def test_demo_user_prints_a_fresh_password_once(settings, capsys):
    settings.DEBUG = True

    call_command("demo_user")

    password = capsys.readouterr().out.rsplit(" ", 1)[-1].strip()
    assert User.objects.get(username="demo").check_password(password)


@pytest.mark.django_db
def test_demo_user_refuses_to_run_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="local development only"):
        call_command("demo_user")
