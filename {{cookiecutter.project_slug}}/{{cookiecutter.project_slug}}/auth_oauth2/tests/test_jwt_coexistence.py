"""JWTs and OAuth2 access tokens share the Bearer header; each authenticator keeps to its own."""

from django.test import RequestFactory
from rest_framework.request import Request

from {{ cookiecutter.project_slug }}.auth_jwt.authentication import JWTAuthentication

from ..authentication import OAuth2Authentication
from .clients import bearer, issue_token

ME_URL = "/api/auth/me/"


def jwt_for(client, user, password):
    response = client.post(
        "/api/auth/jwt/login/", {"username": user.username, "password": password}
    )
    assert response.status_code == 200, response.content
    return response.json()["access"]


def request_with(token):
    return Request(RequestFactory().get(ME_URL, HTTP_AUTHORIZATION=f"Bearer {token}"))


def test_the_jwt_authenticator_leaves_oauth2_tokens_alone(user, django_assert_num_queries):
    token = issue_token(user)

    with django_assert_num_queries(0):
        assert JWTAuthentication().authenticate(request_with(token)) is None
    me = bearer(token).get(ME_URL)
    assert me.status_code == 200
    assert me.json()["authenticated_via"] == "oauth2"


def test_the_oauth2_authenticator_leaves_jwts_alone(
    api_client, user, password, django_assert_num_queries
):
    token = jwt_for(api_client, user, password)

    with django_assert_num_queries(0):
        assert OAuth2Authentication().authenticate(request_with(token)) is None
    me = bearer(token).get(ME_URL)
    assert me.status_code == 200
    assert me.json()["authenticated_via"] == "jwt"


def test_a_bad_token_of_either_kind_is_refused(db):
    assert bearer("not-an-oauth2-token").get(ME_URL).status_code == 401
    assert bearer("eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl").get(ME_URL).status_code == 401
