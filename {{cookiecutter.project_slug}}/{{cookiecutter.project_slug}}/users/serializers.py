from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

{% if cookiecutter.permission_model == "rbac" -%}
from {{ cookiecutter.project_slug }}.rbac.models import Role

{% elif cookiecutter.permission_model == "multi_tenant" -%}
from {{ cookiecutter.project_slug }}.tenancy.resolver import visible_memberships
from {{ cookiecutter.project_slug }}.tenancy.serializers import MembershipSerializer

{% endif -%}
from .models import User


class UserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "username", "email"]
        read_only_fields = fields


class MeSerializer(serializers.ModelSerializer):
    authenticated_via = serializers.SerializerMethodField()
    groups = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")
{%- if cookiecutter.permission_model == "rbac" %}
    roles = serializers.SerializerMethodField()
{%- elif cookiecutter.permission_model == "multi_tenant" %}
    memberships = serializers.SerializerMethodField()
{%- endif %}

    class Meta:
        model = User
{%- if cookiecutter.permission_model == "rbac" %}
        fields = ["id", "username", "email", "authenticated_via", "groups", "roles"]
{%- elif cookiecutter.permission_model == "multi_tenant" %}
        fields = ["id", "username", "email", "authenticated_via", "groups", "memberships"]
{%- else %}
        fields = ["id", "username", "email", "authenticated_via", "groups"]
{%- endif %}
        read_only_fields = fields

    @extend_schema_field(serializers.CharField())
    def get_authenticated_via(self, user):
        """The strategy that authenticated this request (each authenticator names its own)."""
        authenticator = self.context["request"].successful_authenticator
        return getattr(authenticator, "strategy", None)
{%- if cookiecutter.permission_model == "rbac" %}

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_roles(self, user):
        """The names of the caller's roles that have not expired."""
        return list(Role.objects.held_by(user).values_list("name", flat=True))
{%- elif cookiecutter.permission_model == "multi_tenant" %}

    @extend_schema_field(MembershipSerializer(many=True))
    def get_memberships(self, user):
        """The caller's tenants and their role in each (a tenant-bound key's tenant only)."""
        memberships = visible_memberships(self.context["request"])
        return MembershipSerializer(memberships, many=True).data
{%- endif %}
