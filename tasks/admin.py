from django.contrib import admin

from tasks.models import Document


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    """Read-only: documents are made by the worker; files leave only through the authenticated view."""

    list_display = ("id", "kind", "subject", "status", "error_code", "requested_by", "created_at", "finished_at")
    list_filter = ("kind", "status")
    search_fields = ("subject",)
    date_hierarchy = "created_at"
    exclude = ("file", "csv_file")
    list_select_related = ("requested_by",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
