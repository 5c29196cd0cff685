"""Django admin for coordinators ("Django admin for the rest").

Residents and entitlements are read-only here: they change through the staff pages and the
API, which check the rules (PESEL, duplicates, income test) and write the audit trail.
Reference tables are editable; every save and delete goes through the same services.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from beneficiaries.models import ClosureDay, Entitlement, IncomeCriterion, ProgramIncomePercentage, Resident, Street
from beneficiaries.services.reference import (
    closure_day_save,
    income_criterion_save,
    program_percentage_save,
    reference_delete,
    street_save,
)
from beneficiaries.streets import fold_street
from config.admin import ReadOnlyAdminMixin


class EntitlementInline(admin.TabularInline):
    model = Entitlement
    extra = 0
    fields = ["program", "document_number", "valid_from", "valid_to", "weekdays", "status"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Resident)
class ResidentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["last_name", "first_name", "card_number", "birth_date", "district", "is_active"]
    list_filter = ["district", "is_active"]
    search_fields = ["search_text"]
    inlines = [EntitlementInline]


@admin.register(Entitlement)
class EntitlementAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["resident", "program", "document_number", "valid_from", "valid_to", "status"]
    list_filter = ["program", "status"]
    search_fields = ["document_number", "resident__search_text"]
    list_select_related = ["resident"]


class ServiceAdmin(admin.ModelAdmin):
    """Saves and deletes through a reference service (validation and audit trail)."""

    save_service = None
    instance_arg = ""
    fields_to_save: tuple[str, ...] = ()

    def save_model(self, request, obj, form, change):
        values = {field: form.cleaned_data[field] for field in self.fields_to_save}
        instance = {self.instance_arg: obj} if change else {}
        try:
            saved = type(self).save_service(by=request.user, **values, **instance)
        except ValidationError as error:
            # The admin form checked the same things; a race with another editor lands here.
            raise ValidationError(error.messages)
        obj.pk = saved.pk

    def delete_model(self, request, obj):
        reference_delete(obj=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            reference_delete(obj=obj, by=request.user)


class StreetAdminForm(forms.ModelForm):
    class Meta:
        model = Street
        fields = ["name", "district"]

    def clean_name(self):
        """The register is unique on the folded name ("ul. Główna" is "Glowna")."""
        name = self.cleaned_data["name"]
        taken = Street.objects.filter(name_folded=fold_street(name)).exclude(pk=self.instance.pk)
        if not fold_street(name) or taken.exists():
            raise ValidationError(_("This street is already in the register."))
        return name


@admin.register(Street)
class StreetAdmin(ServiceAdmin):
    form = StreetAdminForm
    list_display = ["name", "district"]
    list_filter = ["district"]
    search_fields = ["name", "name_folded"]
    fields = ["name", "district"]
    save_service, instance_arg, fields_to_save = street_save, "street", ("name", "district")


@admin.register(IncomeCriterion)
class IncomeCriterionAdmin(ServiceAdmin):
    list_display = ["valid_from", "single_person", "per_person"]
    save_service, instance_arg = income_criterion_save, "criterion"
    fields_to_save = ("valid_from", "single_person", "per_person")


@admin.register(ProgramIncomePercentage)
class ProgramIncomePercentageAdmin(ServiceAdmin):
    list_display = ["program", "valid_from", "percent"]
    list_filter = ["program"]
    save_service, instance_arg = program_percentage_save, "percentage"
    fields_to_save = ("program", "valid_from", "percent")


@admin.register(ClosureDay)
class ClosureDayAdmin(ServiceAdmin):
    list_display = ["date", "reason"]
    fields = ["date", "reason"]
    save_service, instance_arg, fields_to_save = closure_day_save, "closure_day", ("date", "reason")
