from django.contrib import admin
from rest_framework_api_key.admin import APIKeyModelAdmin

from .models import UserAPIKey


@admin.register(UserAPIKey)
class UserAPIKeyAdmin(APIKeyModelAdmin):
    list_display = [*APIKeyModelAdmin.list_display, "user", "read_only"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
