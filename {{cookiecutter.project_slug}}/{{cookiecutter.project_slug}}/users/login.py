"""The API's password logins: one credentials check, then one shared last step.

Each strategy's login view calls ``password_login``: the password is checked with
``CredentialsSerializer``, then the registered login steps (``users.steps``) run and, when
none answers instead, the strategy's credential is issued by the issuer the strategy
registered. A step that answers instead later finishes the login with ``issue_credential``:
the same credential the login would have returned. Both ends are announced
(``login.failed``, ``login.succeeded``) for the record of events.
"""

from dataclasses import dataclass

from django.contrib.auth import authenticate
from rest_framework import exceptions, serializers
from rest_framework.response import Response

from {{ cookiecutter.project_slug }}.core.events import announce

from .steps import login_steps


class CredentialsSerializer(serializers.Serializer):
    """Checks a username and password through Django's ``authenticate``.

    Going through ``authenticate(request=...)`` means every login strategy shares the same
    backends and sends ``user_login_failed`` on a failure, for whatever counts failures.
    """

    username = serializers.CharField()
    password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False)

    default_error_messages = {"invalid_login": "Invalid username or password."}

    def validate(self, attrs):
        request = self.context["request"]
        user = authenticate(request=request, username=attrs["username"], password=attrs["password"])
        if user is None:
            announce(
                "login.failed",
                request=request,
                strategy=self.context["strategy"],
                username=attrs["username"],
                reason="invalid_credentials",
            )
            raise exceptions.AuthenticationFailed(self.error_messages["invalid_login"])
        attrs["user"] = user
        return attrs


def confirm_password(request, user, password):
    """Whether ``password`` is ``user``'s, checked as a login checks it.

    For an endpoint that asks a signed-in user for their password again: the check goes
    through ``authenticate()``, so whatever counts failed logins counts a wrong one, and a
    wrong one is announced as ``login.failed``, like a failed login.
    """
    username = user.get_username()
    if authenticate(request=request, username=username, password=password) == user:
        return True
    announce("login.failed", request=request, username=username, reason="wrong_password")
    return False


@dataclass(frozen=True)
class Issuer:
    """How a strategy issues its credential to a user whose login is complete."""

    # issue(request, user) -> the login's response body (setting cookies where it must).
    issue: object
    # The serializer of that body, for the schema.
    serializer: object


_issuers = {}


def register_issuer(strategy, issue, serializer):
    """Declare how ``strategy`` finishes a login (from the strategy app's ``ready()``)."""
    _issuers[strategy] = Issuer(issue, serializer)


def issuers():
    return dict(_issuers)


def issue_credential(request, user, strategy):
    """The credential of ``strategy`` for ``user``: the body of a finished login."""
    body = _issuers[strategy].issue(request, user)
    announce("login.succeeded", request=request, actor=user, strategy=strategy)
    return body


def password_login(request, strategy):
    """The answer to a login of ``strategy`` with the username and password ``request`` carries.

    401 when they are wrong; a login step's answer if one has one; else the credential.
    """
    serializer = CredentialsSerializer(
        data=request.data, context={"request": request, "strategy": strategy}
    )
    serializer.is_valid(raise_exception=True)
    user = serializer.validated_data["user"]
    for step in login_steps():
        answer = step.challenge(request, user, strategy)
        if answer is not None:
            return Response(answer)
    return Response(issue_credential(request, user, strategy))
