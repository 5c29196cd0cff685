"""Read-only admin: sessions, sign-ups and attendance change through the leader pages and the API,
which hold the session lock, keep the waiting list numbered and write the audit trail."""

from django.contrib import admin

from config.admin import ReadOnlyAdminMixin
from workshops.models import Signup, WorkshopSession


class SignupInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Signup
    extra = 0
    fields = ["resident", "status", "waitlist_position", "attended", "created_at", "cancelled_at"]
    readonly_fields = fields
    ordering = ["status", "waitlist_position", "created_at"]


@admin.register(WorkshopSession)
class WorkshopSessionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("starts_at", "title", "topic", "location", "capacity", "leader", "status")
    list_filter = ("topic", "status")
    date_hierarchy = "starts_at"
    search_fields = ("title", "location")
    list_select_related = ("leader",)
    inlines = [SignupInline]


@admin.register(Signup)
class SignupAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("session", "resident", "status", "waitlist_position", "attended", "created_at")
    list_filter = ("status", "attended", "session__topic")
    search_fields = ("resident__search_text", "session__title")
    list_select_related = ("session", "resident")
    raw_id_fields = ("session", "resident")
