from .models import Challenge


def forget_challenges_on_password_change(sender, instance, created, **kwargs):
    """A password change cancels the logins waiting for their second factor.

    ``set_password`` keeps the new raw password in ``_password`` until the save that
    follows it has finished, so a save that carries it is a password change.
    """
    if not created and getattr(instance, "_password", None) is not None:
        Challenge.objects.filter(user=instance).delete()
