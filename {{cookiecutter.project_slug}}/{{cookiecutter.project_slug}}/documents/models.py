import uuid

from django.conf import settings
from django.db import models


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
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "id"]
        indexes = [
            models.Index(fields=["owner", "-created_at"]),
{%- if cookiecutter.permission_model == "multi_tenant" %}
            models.Index(fields=["tenant", "-created_at"]),
{%- endif %}
        ]

    def __str__(self):
        return self.title
