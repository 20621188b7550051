from django.utils import timezone
from rest_framework import serializers

{% if cookiecutter.permission_model == "multi_tenant" -%}
from {{ cookiecutter.project_slug }}.tenancy.models import Tenant

{% endif -%}
from .models import UserAPIKey


class APIKeySerializer(serializers.ModelSerializer):
    id = serializers.CharField(source="prefix", read_only=True)
    expires_at = serializers.DateTimeField(
        source="expiry_date", required=False, allow_null=True, default=None
    )
{%- if cookiecutter.permission_model == "multi_tenant" %}
    tenant = serializers.SlugRelatedField(
        slug_field="slug", queryset=Tenant.objects.all(), required=False, allow_null=True
    )
{%- endif %}

    class Meta:
        model = UserAPIKey
{%- if cookiecutter.permission_model == "multi_tenant" %}
        fields = ["id", "name", "read_only", "tenant", "expires_at", "created"]
{%- else %}
        fields = ["id", "name", "read_only", "expires_at", "created"]
{%- endif %}
        read_only_fields = ["id", "created"]
        # The library's model gives ``name`` a default of None, which would make it
        # optional here and fail the NOT NULL column on save.
        extra_kwargs = {"name": {"required": True}}

    def validate_expires_at(self, value):
        if value is not None and value <= timezone.now():
            raise serializers.ValidationError("Must be in the future.")
        return value
{%- if cookiecutter.permission_model == "multi_tenant" %}

    def validate_tenant(self, tenant):
        user = self.context["request"].user
        if tenant is not None and not tenant.memberships.filter(user=user).exists():
            raise serializers.ValidationError("You can only bind a key to a tenant of yours.")
        return tenant
{%- endif %}


class CreatedAPIKeySerializer(APIKeySerializer):
    """The answer to a create: the only time the raw key is ever shown."""

    key = serializers.CharField(read_only=True)

    class Meta(APIKeySerializer.Meta):
        fields = [*APIKeySerializer.Meta.fields, "key"]

    def create(self, validated_data):
        api_key, key = UserAPIKey.objects.create_key(
            user=self.context["request"].user, **validated_data
        )
        api_key.key = key
        return api_key
