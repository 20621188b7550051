from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from {{ cookiecutter.project_slug }}.core.events import announce

from .attempts import LoginAttempt


class LockoutBackend(ModelBackend):
    """Django's username and password check, refused while the username is locked out.

    Every password check goes through ``authenticate()`` and so through here: the login of
    each API strategy, the Django admin and any login added later share one count. A locked
    attempt fails exactly like a wrong password, even with the right one: ``PermissionDenied``
    stops ``authenticate()``, which sends ``user_login_failed`` and returns None, so the API
    answers its one 401 and the admin its usual form error, and nobody learns whether a
    guess or the lockout failed it. The password is hashed anyway so that it takes as long.
    Only the record of events tells them apart: a refused attempt is ``login.locked_out``.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None
        attempt = LoginAttempt(username, request)
        if not attempt.begin():
            get_user_model()().set_password(password)
            announce("login.locked_out", request=request, username=str(username))
            raise PermissionDenied
        user = super().authenticate(request, username=username, password=password)
        if user is not None:
            attempt.give_back()
        return user
