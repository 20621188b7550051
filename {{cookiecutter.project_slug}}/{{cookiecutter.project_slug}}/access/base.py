from rest_framework import permissions


class AccessPolicy(permissions.BasePermission):
    """The contract every access policy fulfils (see the package docstring)."""

    schema_parameters = []

    def scope(self, request, queryset):
        """The rows of ``queryset`` the caller may see.

        Fails closed: a policy that does not say what may be seen shows nothing.
        """
        return queryset.none()

    def perform_create(self, request, serializer):
        serializer.save(owner=request.user)

    def seed_fields(self, user):
        """The fields the policy controls on rows made for ``user`` outside a request.

        ``manage.py seed_documents`` saves rows with them, as ``perform_create`` would for
        a request of ``user``, so that the seeded rows are the ones ``user`` sees.
        """
        return {"owner": user}

    def record_partition(self, request, obj=None):
        """The part of the data a record of what happened to ``obj`` belongs to, or "".

        Without ``obj``, the part the request acts in. Costs no query: what the request or
        the object already holds. The policies that keep no parts apart answer "".
        """
        return ""

    def readable_partitions(self, request):
        """The parts of the data whose records the caller may read; staff read them all."""
        return []

    def prepare_demo_user(self, user):
        """Give the local demo ``user`` what it needs to use every endpoint of the policy.

        Called by ``manage.py demo_user`` on every run, so it must be idempotent. Returns
        a short description of what was granted, for the command to print, or ``None``
        when the policy needs nothing beyond the account itself.
        """
        return None
