from django.contrib import admin

from config.admin import ReadOnlyAdminMixin
from meals.models import MealDay, MealIssue, OfflineConflict
from meals.services import meal_day_plan


@admin.register(MealIssue)
class MealIssueAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: issues and voids go through the counter (and the audit trail), never edited here."""

    list_display = ("date", "issued_at", "resident", "source", "takeaway", "issued_by", "voided_at")
    list_filter = ("date", "source", "takeaway")
    date_hierarchy = "date"
    search_fields = ("resident__search_text", "client_ref")
    list_select_related = ("resident", "issued_by")
    raw_id_fields = ("resident",)


@admin.register(OfflineConflict)
class OfflineConflictAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: recorded when a counter's offline queue is sent (meals.services)."""

    list_display = ("date", "scanned_at", "resident", "scanned_by", "code", "issue")
    date_hierarchy = "date"
    list_select_related = ("resident", "scanned_by")
    raw_id_fields = ("resident", "issue")


@admin.register(MealDay)
class MealDayAdmin(admin.ModelAdmin):
    """Plans saved here go through the same service as the day page, so they are audited too."""

    list_display = ("date", "menu", "portions_planned", "updated_by", "updated_at")
    date_hierarchy = "date"
    fields = ("date", "menu", "portions_planned", "note", "updated_by", "updated_at")

    def get_readonly_fields(self, request, obj=None):
        return ("updated_by", "updated_at") + (("date",) if obj else ())

    def save_model(self, request, obj, form, change):
        saved = meal_day_plan(
            day=obj.date, by=request.user, menu=obj.menu, portions_planned=obj.portions_planned, note=obj.note
        )
        obj.pk = saved.pk

    def has_delete_permission(self, request, obj=None):
        return False
