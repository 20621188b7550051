import copy

from django.db import IntegrityError, transaction
from django.db.models import F
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from {{ cookiecutter.project_slug }}.core.events import announce
from {{ cookiecutter.project_slug }}.users.models import User

from .models import Invitation, Membership, Tenant, invitation_expiry
from .permissions import TenantManagersPolicy, TenantMembersPolicy, UnboundCredential
from .resolver import bound_tenant_id, for_tenant
from .serializers import (
    InvitationSerializer,
    MemberSerializer,
    MembershipSerializer,
    ReceivedInvitationSerializer,
    TenantSerializer,
)

OWNER = Membership.Role.OWNER


def announce_membership(event, request, membership):
    announce(
        event,
        request=request,
        target=membership,
        username=membership.user.username,
        role=membership.role,
    )


def ensure_may_touch_owners(request, *roles):
    if OWNER in roles and request.membership.role != OWNER:
        raise exceptions.PermissionDenied("Only owners grant or change the owner role.")


class TenantViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    """The caller's tenants, with their role in each; creating one makes the caller its owner.

    A credential bound to a tenant lists that tenant only and creates none.
    """

    serializer_class = TenantSerializer
    permission_classes = [permissions.IsAuthenticated, UnboundCredential]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no real caller
            return Tenant.objects.none()
        tenants = Tenant.objects.filter(memberships__user=self.request.user)
        tenant_id = bound_tenant_id(self.request)
        if tenant_id is not None:
            tenants = tenants.filter(pk=tenant_id)
        return tenants.annotate(role=F("memberships__role"))

    def perform_create(self, serializer):
        try:
            with transaction.atomic():
                tenant = serializer.save()
                Membership.objects.create(user=self.request.user, tenant=tenant, role=OWNER)
        except IntegrityError as error:  # a concurrent request took the slug
            raise exceptions.ValidationError({"slug": ["This slug is taken."]}) from error
        tenant.role = OWNER
        announce("tenant.created", request=self.request, target=tenant)


class MemberViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Members of the tenant in the URL, by username; people join by accepting an invitation.

    The username in the URL names a member as the login compares it, whatever its case.
    Only owners grant, change or take away the owner role, and a tenant always keeps at
    least one owner. Any member may leave by deleting their own membership.
    """

    serializer_class = MemberSerializer
    permission_classes = [permissions.IsAuthenticated, TenantMembersPolicy]
    lookup_field = "user__username"
    lookup_url_kwarg = "username"
    lookup_value_regex = "[^/]+"
    http_method_names = ["get", "patch", "delete", "head", "options"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no real caller
            return Membership.objects.none()
        return for_tenant(Membership.objects.select_related("user"), self.request)

    def get_object(self):
        """The membership of the user the URL names, found as the login finds users."""
        members = self.filter_queryset(self.get_queryset())
        named = User.objects.named(self.kwargs[self.lookup_url_kwarg])
        membership = get_object_or_404(members, user__in=named)
        self.check_object_permissions(self.request, membership)
        return membership

    @transaction.atomic
    def perform_update(self, serializer):
        new_role = serializer.validated_data.get("role", serializer.instance.role)
        ensure_may_touch_owners(self.request, serializer.instance.role, new_role)
        if new_role != OWNER:
            self.ensure_an_owner_remains(serializer.instance)
        serializer.save()
        announce_membership("membership.changed", self.request, serializer.instance)

    @transaction.atomic
    def perform_destroy(self, instance):
        ensure_may_touch_owners(self.request, instance.role)
        self.ensure_an_owner_remains(instance)
        removed = copy.copy(instance)  # deleting clears the instance's primary key
        instance.delete()
        left = removed.user_id == self.request.user.pk
        announce_membership(
            "membership.left" if left else "membership.removed", self.request, removed
        )

    def ensure_an_owner_remains(self, membership):
        """Refuse to demote or remove the last owner (other owners' rows stay locked)."""
        owners = Membership.objects.select_for_update().filter(
            tenant_id=membership.tenant_id, role=OWNER
        )
        if set(owners.values_list("pk", flat=True)) == {membership.pk}:
            raise exceptions.ValidationError("A tenant keeps at least one owner.")


class TenantInvitationViewSet(
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Invitations of the tenant in the URL: owners and admins send, list and withdraw them.

    Sending one answers the same whether or not the username exists, so this endpoint
    cannot be used to find accounts; an invitation for an unknown username is never
    accepted. The username names its account as the login compares it, whatever its
    case. Inviting again renews the invitation with the new role.
    """

    serializer_class = InvitationSerializer
    permission_classes = [permissions.IsAuthenticated, TenantManagersPolicy]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no real caller
            return Invitation.objects.none()
        return for_tenant(Invitation.objects.select_related("invited_by"), self.request)

    def perform_create(self, serializer):
        username = serializer.validated_data["username"]
        role = serializer.validated_data.get("role", Membership.Role.MEMBER)
        ensure_may_touch_owners(self.request, role)
        tenant = self.request.tenant
        named = User.objects.named(username)
        if tenant.memberships.filter(user__in=named).exists():
            raise exceptions.ValidationError({"username": ["Already a member."]})
        defaults = {
            "user": named.filter(is_active=True).first(),
            "role": role,
            "invited_by": self.request.user,
            "expires_at": invitation_expiry(),
        }
        try:
            with transaction.atomic():
                invitation, _ = Invitation.objects.update_or_create(
                    tenant=tenant, username=username, defaults=defaults
                )
        except IntegrityError as error:  # a concurrent request invited the same username
            raise exceptions.ValidationError({"username": ["Already invited."]}) from error
        serializer.instance = invitation
        announce(
            "membership.invited",
            request=self.request,
            target=invitation,
            username=invitation.username,
            role=invitation.role,
        )

    def perform_destroy(self, instance):
        withdrawn = copy.copy(instance)  # deleting clears the instance's primary key
        instance.delete()
        announce(
            "membership.invitation_withdrawn",
            request=self.request,
            target=withdrawn,
            username=withdrawn.username,
        )


class InvitationViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The caller's pending invitations; accepting one makes them a member, exactly once."""

    serializer_class = ReceivedInvitationSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no real caller
            return Invitation.objects.none()
        invitations = Invitation.objects.pending().filter(user=self.request.user)
        tenant_id = bound_tenant_id(self.request)
        if tenant_id is not None:
            invitations = invitations.filter(tenant_id=tenant_id)
        return invitations

    def filter_queryset(self, queryset):
        """Lists join the tenant and the inviter.

        Only lists: answering locks the invitation's row, and PostgreSQL cannot lock the
        nullable side of an outer join (the inviter).
        """
        return super().filter_queryset(queryset).select_related("tenant", "invited_by")

    def locked_invitation(self):
        """The invitation in the URL, locked until the transaction ends; 404 once answered."""
        return get_object_or_404(self.get_queryset().select_for_update(), pk=self.kwargs["pk"])

    @extend_schema(request=None, responses={201: MembershipSerializer})
    @action(detail=True, methods=["post"])
    @transaction.atomic
    def accept(self, request, pk):
        invitation = self.locked_invitation()
        if Membership.objects.filter(user=request.user, tenant_id=invitation.tenant_id).exists():
            raise exceptions.ValidationError("You are already a member of this tenant.")
        invitation.delete()
        membership = Membership.objects.create(
            user=request.user, tenant_id=invitation.tenant_id, role=invitation.role
        )
        announce_membership("membership.joined", request, membership)
        return Response(MembershipSerializer(membership).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["post"])
    @transaction.atomic
    def decline(self, request, pk):
        invitation = self.locked_invitation()
        declined = copy.copy(invitation)  # deleting clears the instance's primary key
        invitation.delete()
        announce("membership.invitation_declined", request=request, target=declined)
        return Response(status=status.HTTP_204_NO_CONTENT)
