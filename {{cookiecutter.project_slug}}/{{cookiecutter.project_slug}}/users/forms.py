from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from {{ cookiecutter.project_slug }}.core.events import announce

from .steps import login_steps

PASSWORD_FIELDS = ("username", "password")


class SignInForm(AuthenticationForm):
    """Django's sign-in form, with the fields and checks of the registered login steps.

    The server-rendered pages that sign people in use it, so a step added to the API's
    logins applies to them too. Each sign-in is announced (``login.succeeded``,
    ``login.failed``) with the form's ``strategy``: the page it signs in to.
    """

    strategy = "form"

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        for step in login_steps():
            step.add_form_fields(self)

    @property
    def step_fields(self):
        """The bound fields the steps added, for templates to render after the password."""
        return [self[name] for name in self.fields if name not in PASSWORD_FIELDS]

    def clean(self):
        try:
            cleaned_data = super().clean()
        except ValidationError as error:
            self.announce_failure(error.code)
            raise
        if self.user_cache is not None:
            announce(
                "login.succeeded",
                request=self.request,
                actor=self.user_cache,
                strategy=self.strategy,
            )
        return cleaned_data

    def announce_failure(self, code):
        announce(
            "login.failed",
            request=self.request,
            strategy=self.strategy,
            username=self.cleaned_data.get("username", ""),
            reason="invalid_credentials" if code == "invalid_login" else code,
        )

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        for step in login_steps():
            step.check_form(self, user)


class AdminSignInForm(AdminAuthenticationForm, SignInForm):
    """The admin's sign-in: staff only, then the registered steps."""

    strategy = "admin"
