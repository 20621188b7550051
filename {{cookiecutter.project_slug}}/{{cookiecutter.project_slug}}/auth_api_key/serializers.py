from django.utils import timezone
from rest_framework import serializers

from .models import UserAPIKey


class APIKeySerializer(serializers.ModelSerializer):
    id = serializers.CharField(source="prefix", read_only=True)
    expires_at = serializers.DateTimeField(
        source="expiry_date", required=False, allow_null=True, default=None
    )

    class Meta:
        model = UserAPIKey
        fields = ["id", "name", "read_only", "expires_at", "created"]
        read_only_fields = ["id", "created"]

    def validate_expires_at(self, value):
        if value is not None and value <= timezone.now():
            raise serializers.ValidationError("Must be in the future.")
        return value


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
