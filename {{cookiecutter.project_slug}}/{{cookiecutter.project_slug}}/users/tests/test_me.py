from django.contrib.auth.models import Group

from {{ cookiecutter.project_slug }}.users.serializers import ME_FIELDS

ME_URL = "/api/auth/me/"


def test_me_requires_authentication(api_client, db):
    response = api_client.get(ME_URL)

    assert response.status_code == 401
    assert "WWW-Authenticate" in response


def test_me_describes_the_caller_and_how_they_authenticated(login, strategy, user):
    user.groups.add(Group.objects.create(name="editors"))

    response = login(user).get(ME_URL)

    assert response.status_code == 200
    body = response.json()
    assert {name: body.pop(name) for name in list(body) if name not in ME_FIELDS} == {
        "id": str(user.pk),
        "username": "alice",
        "email": "alice@example.com",
        "authenticated_via": strategy.name,
        "groups": ["editors"],
    }
    # What installed apps add (each app's tests check its own field).
    assert list(body) == list(ME_FIELDS)


def test_me_costs_a_fixed_number_of_queries(login, strategy, user, django_assert_num_queries):
    client = login(user)

    # The groups, then one query per field an app adds.
    with django_assert_num_queries(strategy.auth_queries + 1 + len(ME_FIELDS)):
        response = client.get(ME_URL)

    assert response.status_code == 200


def test_a_deactivated_user_is_refused(login, user):
    client = login(user)
    user.is_active = False
    user.save()

    assert client.get(ME_URL).status_code == 401
