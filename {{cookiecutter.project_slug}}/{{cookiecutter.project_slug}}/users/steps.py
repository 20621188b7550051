"""Steps a sign-in takes after the password is right and before any credential is issued.

Every way of signing in with a password ends at one of two places: the API's password
logins (``users.login.password_login``) and the server-rendered sign-in forms
(``users.forms.SignInForm``: the admin's, and any other page that signs people in). Both
ask each registered step whether the sign-in may finish, so a feature that adds a check plugs in
once, in its own app, and reaches every login.
"""


class LoginStep:
    """A check between the password and the credential. Every hook does nothing by default."""

    # The serializer of ``challenge``'s answer, declared in the schema of each login.
    answer_serializer = None

    def challenge(self, request, user, strategy):
        """An API login's answer instead of the credential, or None to let the login finish.

        ``strategy`` names the login: the strategy's app name without ``auth_``.
        """
        return None

    def add_form_fields(self, form):
        """Add the fields this step needs to a sign-in form."""

    def check_form(self, form, user):
        """Raise ``ValidationError`` to refuse a form sign-in whose password was right."""


_steps = []


def register(step):
    """Add ``step`` to every sign-in (from an app's ``ready()``)."""
    _steps.append(step)


def login_steps():
    return tuple(_steps)
