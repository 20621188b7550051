from django.contrib.auth import authenticate, password_validation
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions, serializers

{% if cookiecutter.permission_model == "rbac" -%}
from {{ cookiecutter.project_slug }}.rbac.models import Role

{% elif cookiecutter.permission_model == "multi_tenant" -%}
from {{ cookiecutter.project_slug }}.tenancy.serializers import MembershipSerializer

{% endif -%}
from .models import User


class UserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "username", "email"]
        read_only_fields = fields


class RegisterSerializer(serializers.ModelSerializer):
    password = serializers.CharField(write_only=True, style={"input_type": "password"})

    class Meta:
        model = User
        fields = ["id", "username", "email", "password"]
        read_only_fields = ["id"]
        extra_kwargs = {"email": {"required": True, "allow_blank": False}}

    def validate_email(self, value):
        # The unique constraint is case-sensitive; addresses are not, in practice.
        if User.objects.filter(email__iexact=value).exists():
            raise serializers.ValidationError("A user with this email already exists.")
        return value

    def validate(self, attrs):
        candidate = User(username=attrs["username"], email=attrs["email"])
        try:
            password_validation.validate_password(attrs["password"], user=candidate)
        except DjangoValidationError as error:
            raise serializers.ValidationError({"password": list(error.messages)}) from error
        return attrs

    def create(self, validated_data):
        return User.objects.create_user(**validated_data)


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
        """The caller's tenants and their role in each."""
        return MembershipSerializer(user.memberships.select_related("tenant"), many=True).data
{%- endif %}


class CredentialsSerializer(serializers.Serializer):
    """Checks a username and password through Django's ``authenticate``.

    Going through ``authenticate(request=...)`` means every login strategy shares the same
    backends and sends ``user_login_failed``, which the failed-login lockout listens to.
    """

    username = serializers.CharField()
    password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False)

    default_error_messages = {"invalid_login": "Invalid username or password."}

    def validate(self, attrs):
        user = authenticate(
            request=self.context["request"],
            username=attrs["username"],
            password=attrs["password"],
        )
        if user is None:
            raise exceptions.AuthenticationFailed(self.error_messages["invalid_login"])
        attrs["user"] = user
        return attrs
