from django.contrib.auth import authenticate
from rest_framework import exceptions, serializers


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
