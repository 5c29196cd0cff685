from django.contrib import admin

from config.login import AdminLoginForm
from config.models import AuditEvent

# The admin's login counts against the same limits as every other login surface.
admin.site.login_form = AdminLoginForm


class ReadOnlyAdminMixin:
    """An admin (or inline) that shows rows and never adds, changes or deletes them: those rows
    change through the services, which check the rules and write the audit trail."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: the audit trail is append-only for everyone, superusers included."""

    list_display = ("at", "actor", "action", "object_type", "object_id")
    list_filter = ("action", "object_type")
    search_fields = ("object_id", "actor__username", "action")
    date_hierarchy = "at"
