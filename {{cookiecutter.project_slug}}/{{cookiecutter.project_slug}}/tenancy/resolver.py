"""The active tenant of a request: resolved once, kept on the request, failing closed.

Every tenant-owned queryset goes through ``for_tenant``: without an active tenant it is
empty, never unfiltered.
"""

import re

from rest_framework import exceptions

from .models import Membership

HEADER = "X-Tenant"
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,50}")


class TenantRequired(exceptions.APIException):
    """The caller belongs to several tenants and named none: guessing could act in the wrong one.

    The message names the header only, not the caller's tenants.
    """

    status_code = 400
    default_detail = f"You belong to several tenants: name one with the {HEADER} header."
    default_code = "tenant_required"


def bound_tenant_id(request):
    """The tenant the request's credential is bound to (its ``tenant_id``), or None."""
    return getattr(request.auth, "tenant_id", None)


def visible_memberships(request):
    """The caller's memberships this request may see: a bound credential's tenant only."""
    memberships = Membership.objects.select_related("tenant").filter(user=request.user)
    tenant_id = bound_tenant_id(request)
    if tenant_id is not None:
        memberships = memberships.filter(tenant_id=tenant_id)
    return memberships


def find_membership(request, slug):
    """The caller's membership in the tenant named ``slug``, or in their only tenant.

    Without ``slug``, None for a caller without a tenant and ``TenantRequired`` for one
    with several. A credential bound to one tenant only ever finds that tenant. One query.
    """
    memberships = visible_memberships(request)
    if slug is None:
        found = list(memberships[:2])
        if len(found) > 1:
            raise TenantRequired()
        return found[0] if found else None
    return memberships.filter(tenant__slug=slug).first()


def activate(request, membership):
    request.membership = membership
    request.tenant = membership.tenant if membership else None
    return membership


def active_membership(request):
    """The caller's membership in the tenant the request acts in, or None.

    That tenant is the one the ``X-Tenant`` header names, or else the caller's only one.
    Naming a tenant the caller does not belong to is refused (403) rather than ignored,
    and so is naming none while belonging to several (400).
    """
    if not hasattr(request, "membership"):
        activate(request, None)
        slug = request.headers.get(HEADER)
        if slug is not None and not SLUG.fullmatch(slug):
            raise exceptions.ValidationError({HEADER: ["Not a tenant slug."]})
        membership = find_membership(request, slug)
        if slug is not None and membership is None:
            raise exceptions.PermissionDenied(f"You are not a member of the tenant {slug!r}.")
        activate(request, membership)
    return request.membership


def membership_in(request, slug):
    """The caller's membership in the tenant a URL names; 404 when they are not a member."""
    if not hasattr(request, "membership"):
        activate(request, None)
        membership = find_membership(request, slug)
        if membership is None:
            raise exceptions.NotFound()
        activate(request, membership)
    return request.membership


def for_tenant(queryset, request):
    """The rows of a tenant-owned ``queryset`` in the active tenant; none without one."""
    membership = active_membership(request)
    if membership is None:
        return queryset.none()
    return queryset.filter(tenant_id=membership.tenant_id)
