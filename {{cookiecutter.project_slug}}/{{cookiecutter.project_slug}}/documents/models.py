import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class Document(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="documents"
    )
{%- if cookiecutter.permission_model == "group" %}
    # Members of this group read the document; the group's permissions say who edits it.
    group = models.ForeignKey(
        "auth.Group",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
    )
{%- elif cookiecutter.permission_model == "multi_tenant" %}
    tenant = models.ForeignKey("tenancy.Tenant", on_delete=models.CASCADE, related_name="documents")
{%- endif %}
    # A default rather than auto_now_add, so that imported or seeded rows keep their own time.
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        # Lists page through this order by position (``pagination.NewestFirst``); each
        # index below serves one policy's filter in it, so a page costs the same however
        # many rows the table holds.
        ordering = ["-created_at", "id"]
        indexes = [
            models.Index(fields=["owner", "-created_at", "id"], name="document_owner_newest"),
{%- if cookiecutter.permission_model == "group" %}
            models.Index(fields=["group", "-created_at", "id"], name="document_group_newest"),
            # For callers who see much of the table: walk it in order, keep what they see.
            models.Index(fields=["-created_at", "id"], name="document_newest"),
{%- elif cookiecutter.permission_model == "rbac" %}
            models.Index(fields=["-created_at", "id"], name="document_newest"),
{%- elif cookiecutter.permission_model == "multi_tenant" %}
            models.Index(fields=["tenant", "-created_at", "id"], name="document_tenant_newest"),
{%- endif %}
        ]

    def __str__(self):
        return self.title
