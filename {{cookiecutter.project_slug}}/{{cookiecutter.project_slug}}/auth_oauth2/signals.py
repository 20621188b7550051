from oauth2_provider.models import get_access_token_model, get_grant_model, get_refresh_token_model

from {{ cookiecutter.project_slug }}.core.events import announce


def revoke_tokens_on_password_change(sender, instance, created, **kwargs):
    """Delete the codes and tokens a user approved once their password was just changed.

    ``set_password`` keeps the new raw password in ``_password`` until the save that
    follows it has finished, so a save that carries it is a password change. Tokens of the
    client credentials grant belong to an application, not to its owner's login: they stay.
    """
    if not created and getattr(instance, "_password", None) is not None:
        deleted = sum(
            model.objects.filter(user=instance).delete()[0]
            for model in (get_refresh_token_model(), get_access_token_model(), get_grant_model())
        )
        if deleted:
            announce(
                "credential.revoked",
                actor=instance,
                kind="oauth2_token",
                reason="password_changed",
                count=deleted,
            )


def announce_token(sender, request, token, **kwargs):
    """Announce an access token the token endpoint issued (django-oauth-toolkit's signal)."""
    announce(
        "credential.issued",
        request=request,
        actor=token.user,
        target=token.application,
        kind="oauth2_token",
        grant=request.POST.get("grant_type", ""),
        scope=token.scope,
    )
