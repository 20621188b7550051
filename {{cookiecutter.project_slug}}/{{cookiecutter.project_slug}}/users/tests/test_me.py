from django.contrib.auth.models import Group

ME_URL = "/api/auth/me/"


def test_me_requires_authentication(api_client, db):
    response = api_client.get(ME_URL)

    assert response.status_code == 401
    assert "WWW-Authenticate" in response


def test_me_describes_the_caller_and_how_they_authenticated(login, strategy, user):
    user.groups.add(Group.objects.create(name="editors"))

    response = login(user).get(ME_URL)

    assert response.status_code == 200
    assert response.json() == {
        "id": str(user.pk),
        "username": "alice",
        "email": "alice@example.com",
        "authenticated_via": strategy.name,
        "groups": ["editors"],
{%- if cookiecutter.permission_model == "rbac" %}
        "roles": [],
{%- elif cookiecutter.permission_model == "multi_tenant" %}
        "memberships": [],
{%- endif %}
    }


def test_me_costs_a_fixed_number_of_queries(login, strategy, user, django_assert_num_queries):
    client = login(user)
{% if cookiecutter.permission_model == "rbac" %}
    with django_assert_num_queries(strategy.auth_queries + 2):  # + the groups, the roles
{%- elif cookiecutter.permission_model == "multi_tenant" %}
    with django_assert_num_queries(strategy.auth_queries + 2):  # + the groups, the memberships
{%- else %}
    with django_assert_num_queries(strategy.auth_queries + 1):  # + the groups
{%- endif %}
        response = client.get(ME_URL)

    assert response.status_code == 200


def test_a_deactivated_user_is_refused(login, user):
    client = login(user)
    user.is_active = False
    user.save()

    assert client.get(ME_URL).status_code == 401
