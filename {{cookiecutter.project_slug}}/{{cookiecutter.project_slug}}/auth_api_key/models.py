from django.conf import settings
from django.db import models
from rest_framework_api_key.models import AbstractAPIKey


class UserAPIKey(AbstractAPIKey):
    """An API key that acts as its user, with every permission rule that applies to them.

    The library stores a SHA-512 hash of the key (keys are long and random, so a fast hash
    is safe) and its public ``prefix``, which identifies the key in the API.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_keys"
    )
    read_only = models.BooleanField(
        default=False, help_text="Read-only keys may only use safe methods (GET, HEAD, OPTIONS)."
    )
{%- if cookiecutter.permission_model == "multi_tenant" %}
    tenant = models.ForeignKey(
        "tenancy.Tenant",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="api_keys",
        help_text="A key bound to a tenant acts in that tenant only.",
    )
{%- endif %}

    class Meta(AbstractAPIKey.Meta):
        verbose_name = "API key"
        verbose_name_plural = "API keys"

    @property
    def public_id(self):
        """How the API names the key: its prefix (the primary key embeds the key's hash)."""
        return self.prefix
