from drf_spectacular.utils import extend_schema
from rest_framework import generics, pagination, permissions

from .models import AuditEvent
from .recorder import access_policy
from .serializers import AuditEventSerializer, EventFilterSerializer

FILTERS = {
    "event": "event",
    "actor": "actor_id",
    "since": "occurred_at__gte",
    "until": "occurred_at__lt",
}


class NewestFirst(pagination.CursorPagination):
    """Pages by position, not by number: no count of a table that only grows, and no page
    that shifts while new events arrive."""

    ordering = "-occurred_at"


class CanReadEvents(permissions.BasePermission):
    """Staff read every event; others the parts of the data the access policy lets them."""

    message = "Only staff and those who manage a part of the data read its events."

    def has_permission(self, request, view):
        if request.user.is_staff:
            return True
        request.readable_partitions = access_policy().readable_partitions(request)
        return bool(request.readable_partitions)


@extend_schema(parameters=[EventFilterSerializer])
class EventListView(generics.ListAPIView):
    """What happened, newest first: sign-ins, credentials, refusals, changes."""

    serializer_class = AuditEventSerializer
    permission_classes = [permissions.IsAuthenticated, CanReadEvents]
    pagination_class = NewestFirst

    def get_queryset(self):
        events = AuditEvent.objects.all()
        if getattr(self, "swagger_fake_view", False):  # schema generation has no real caller
            return events.none()
        if not self.request.user.is_staff:
            events = events.filter(partition__in=self.request.readable_partitions)
        filters = EventFilterSerializer(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        return events.filter(
            **{FILTERS[name]: value for name, value in filters.validated_data.items()}
        )
