from rest_framework import mixins, permissions, viewsets

from {{ cookiecutter.project_slug }}.core.events import announce

from .models import UserAPIKey
from .permissions import OwnLoginOnly
from .serializers import APIKeySerializer, CreatedAPIKeySerializer


class APIKeyViewSet(
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """The caller's API keys: list, create (the key is shown once), revoke."""

    permission_classes = [permissions.IsAuthenticated, OwnLoginOnly]
    lookup_field = "prefix"
    lookup_url_kwarg = "id"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no real caller
            return UserAPIKey.objects.none()
{%- if cookiecutter.permission_model == "multi_tenant" %}
        keys = UserAPIKey.objects.get_usable_keys().select_related("tenant")
{%- else %}
        keys = UserAPIKey.objects.get_usable_keys()
{%- endif %}
        return keys.filter(user=self.request.user)

    def get_serializer_class(self):
        return CreatedAPIKeySerializer if self.action == "create" else APIKeySerializer

    def perform_create(self, serializer):
        super().perform_create(serializer)
        announce(
            "credential.issued", request=self.request, target=serializer.instance, kind="api_key"
        )

    def perform_destroy(self, instance):
        """Revoke rather than delete: the row stays for the record, the key stops working."""
        instance.revoked = True
        instance.save(update_fields=["revoked"])
        announce("credential.revoked", request=self.request, target=instance, kind="api_key")
