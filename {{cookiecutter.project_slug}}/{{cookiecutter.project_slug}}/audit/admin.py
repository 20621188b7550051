from django.contrib import admin

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The record of events, read-only: nobody adds, changes or deletes one here."""

    list_display = ["occurred_at", "event", "actor_username", "strategy", "ip", "target_type"]
    list_filter = ["event", "strategy"]
    search_fields = ["actor_username", "target_id", "request_id"]
    # Counting every row of a table that only grows would slow each page down.
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
