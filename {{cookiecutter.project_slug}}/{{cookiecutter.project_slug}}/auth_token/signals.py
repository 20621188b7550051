from knox.models import get_token_model

from {{ cookiecutter.project_slug }}.core.events import announce


def revoke_tokens_on_password_change(sender, instance, created, **kwargs):
    """Delete every token of a user whose password was just changed.

    ``set_password`` keeps the new raw password in ``_password`` until the save that
    follows it has finished, so a save that carries it is a password change.
    """
    if not created and getattr(instance, "_password", None) is not None:
        deleted, _ = get_token_model().objects.filter(user=instance).delete()
        if deleted:
            announce(
                "credential.revoked",
                actor=instance,
                kind="token",
                reason="password_changed",
                count=deleted,
            )
