{%- if cookiecutter.permission_model == "group" -%}
from django.contrib.auth.models import Group
from rest_framework import exceptions, serializers
{%- else -%}
from rest_framework import serializers
{%- endif %}

from .models import Document


class DocumentSerializer(serializers.ModelSerializer):
    # What a row read for this serializer needs from the database, related rows included.
{%- if cookiecutter.permission_model == "group" %}
    COLUMNS = ["title", "body", "owner__username", "group__name", "created_at", "updated_at"]
{%- elif cookiecutter.permission_model == "multi_tenant" %}
    COLUMNS = ["title", "body", "owner__username", "tenant__slug", "created_at", "updated_at"]
{%- else %}
    COLUMNS = ["title", "body", "owner__username", "created_at", "updated_at"]
{%- endif %}

    owner = serializers.CharField(source="owner.username", read_only=True)
{%- if cookiecutter.permission_model == "group" %}
    group = serializers.SlugRelatedField(
        slug_field="name", queryset=Group.objects.all(), allow_null=True, required=False
    )
{%- elif cookiecutter.permission_model == "multi_tenant" %}
    tenant = serializers.CharField(source="tenant.slug", read_only=True)
{%- endif %}

    class Meta:
        model = Document
{%- if cookiecutter.permission_model == "group" %}
        fields = ["id", "title", "body", "owner", "group", "created_at", "updated_at"]
{%- elif cookiecutter.permission_model == "multi_tenant" %}
        fields = ["id", "title", "body", "owner", "tenant", "created_at", "updated_at"]
{%- else %}
        fields = ["id", "title", "body", "owner", "created_at", "updated_at"]
{%- endif %}
        read_only_fields = ["id", "owner", "created_at", "updated_at"]
{%- if cookiecutter.permission_model == "group" %}

    def validate_group(self, group):
        """Only the owner shares a document, and only with a group they belong to."""
        document, user = self.instance, self.context["request"].user
        if document is not None and document.group_id == getattr(group, "pk", None):
            return group
        if document is not None and document.owner_id != user.pk:
            raise exceptions.PermissionDenied("Only the owner can change the group.")
        if group is not None and not user.groups.filter(pk=group.pk).exists():
            raise serializers.ValidationError("You can only share with a group you belong to.")
        return group
{%- endif %}
