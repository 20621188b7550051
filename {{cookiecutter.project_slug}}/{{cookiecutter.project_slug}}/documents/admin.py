from django.contrib import admin

from .models import Document


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "owner", "created_at"]
    list_select_related = ["owner"]
    search_fields = ["title"]
    raw_id_fields = ["owner"]
