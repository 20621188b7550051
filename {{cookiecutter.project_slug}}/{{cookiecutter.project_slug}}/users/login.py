"""The API's password logins: one credentials check, then one shared last step.

Each strategy checks the password with ``CredentialsSerializer`` and hands the user to
``complete_login``, which runs the registered login steps (``users.steps``) and, when none
answers instead, issues the strategy's credential with the issuer the strategy registered.
A step that answers instead later finishes the login with ``issue_credential``: the same
credential the login would have returned.
"""

from dataclasses import dataclass

from django.contrib.auth import authenticate
from rest_framework import exceptions, serializers
from rest_framework.response import Response

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
        user = authenticate(
            request=self.context["request"],
            username=attrs["username"],
            password=attrs["password"],
        )
        if user is None:
            raise exceptions.AuthenticationFailed(self.error_messages["invalid_login"])
        attrs["user"] = user
        return attrs


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
    return _issuers[strategy].issue(request, user)


def complete_login(request, user, strategy):
    """Finish a password login: a login step's answer if one has one, else the credential."""
    for step in login_steps():
        answer = step.challenge(request, user, strategy)
        if answer is not None:
            return Response(answer)
    return Response(issue_credential(request, user, strategy))


def login_credentials(request):
    """The user whose username and password ``request`` carries; 401 when they are wrong."""
    serializer = CredentialsSerializer(data=request.data, context={"request": request})
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data["user"]
