import copy

from django.conf import settings
from django.utils.module_loading import import_string
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, viewsets

from {{ cookiecutter.project_slug }}.core.events import announce

from .models import Document
from .pagination import NewestFirst
from .serializers import DocumentSerializer

AccessPolicy = import_string(settings.DOCUMENTS_ACCESS_POLICY)


@extend_schema(parameters=AccessPolicy.schema_parameters)
class DocumentViewSet(viewsets.ModelViewSet):
    """CRUD on documents, as far as the project's access policy allows.

    Every lookup goes through the policy's scope, so rows the caller may not see are
    absent from lists and answer 404 in detail: their existence does not leak. Each change
    is announced (``document.created``, ``.updated`` with the names of the fields that
    changed, ``.deleted``), never the values.
    """

    serializer_class = DocumentSerializer
    pagination_class = NewestFirst
    permission_classes = [permissions.IsAuthenticated, AccessPolicy]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no real caller
            return Document.objects.none()
        # The columns the serializer shows and no more: not the owner's password hash.
        queryset = Document.objects.select_related("owner").only(*DocumentSerializer.COLUMNS)
        return AccessPolicy().scope(self.request, queryset)

    def perform_create(self, serializer):
        AccessPolicy().perform_create(self.request, serializer)
        announce("document.created", request=self.request, target=serializer.instance)

    def perform_update(self, serializer):
        document = serializer.instance
        changed = sorted(
            name
            for name, value in serializer.validated_data.items()
            if getattr(document, name) != value
        )
        serializer.save()
        announce("document.updated", request=self.request, target=document, fields=changed)

    def perform_destroy(self, instance):
        deleted = copy.copy(instance)  # deleting clears the instance's primary key
        instance.delete()
        announce("document.deleted", request=self.request, target=deleted)
