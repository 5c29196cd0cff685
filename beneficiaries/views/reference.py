"""Coordinator pages for reference data: street register, income criteria tables, closure days."""

import datetime
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from beneficiaries import forms
from beneficiaries.calendar import public_holiday_name
from beneficiaries.models import ClosureDay, IncomeCriterion, ProgramIncomePercentage, Street
from beneficiaries.services.reference import (
    closure_day_save,
    income_criterion_save,
    program_percentage_save,
    reference_delete,
    street_save,
)
from beneficiaries.streets import street_district, street_matches
from config.permissions import requires


@dataclass(frozen=True)
class Kind:
    """One kind of reference row: how to edit it and where its list is."""

    model: type[models.Model]
    form: type
    save: object
    instance_arg: str
    list_url: str
    title: str


KINDS = {
    "street": Kind(
        Street, forms.StreetForm, street_save, "street", "beneficiaries:street-list", gettext_lazy("Street")
    ),
    "criterion": Kind(
        IncomeCriterion,
        forms.IncomeCriterionForm,
        income_criterion_save,
        "criterion",
        "beneficiaries:criteria",
        gettext_lazy("Income criterion"),
    ),
    "percentage": Kind(
        ProgramIncomePercentage,
        forms.ProgramPercentageForm,
        program_percentage_save,
        "percentage",
        "beneficiaries:criteria",
        gettext_lazy("Programme percentage"),
    ),
    "closure": Kind(
        ClosureDay,
        forms.ClosureDayForm,
        closure_day_save,
        "closure_day",
        "beneficiaries:closure-list",
        gettext_lazy("Closure day"),
    ),
}


def _save_form(request, kind: Kind, form, instance=None) -> bool:
    """Validate and save through the service; errors land on the form. True when saved."""
    if not form.is_valid():
        return False
    extra = {kind.instance_arg: instance} if instance is not None else {}
    try:
        kind.save(by=request.user, **form.cleaned_data, **extra)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    messages.success(request, _("Saved."))
    return True


def _add_form(request, kind_name: str, prefix: str):
    """The "add" form of a list page, bound only when that form was submitted."""
    kind = KINDS[kind_name]
    submitted = request.method == "POST" and request.POST.get("form") == prefix
    form = kind.form(request.POST if submitted else None, prefix=prefix)
    return form, submitted and _save_form(request, kind, form)


@requires("residents.write")
def street_list(request):
    form, saved = _add_form(request, "street", "street")
    if saved:
        return redirect("beneficiaries:street-list")
    check = (request.GET.get("check") or "").strip()[:100]
    context = {
        "form": form,
        "streets": Street.objects.order_by("district", "name"),
        "check": check,
        "check_district": street_district(check) if check else None,
        "check_matches": street_matches(check) if check else [],
    }
    return render(request, "beneficiaries/street_list.html", context)


@requires("residents.write")
def criteria(request):
    criterion_form, saved_criterion = _add_form(request, "criterion", "criterion")
    percentage_form, saved_percentage = _add_form(request, "percentage", "percentage")
    if saved_criterion or saved_percentage:
        return redirect("beneficiaries:criteria")
    context = {
        "criterion_form": criterion_form,
        "percentage_form": percentage_form,
        "criteria": IncomeCriterion.objects.order_by("-valid_from"),
        "percentages": ProgramIncomePercentage.objects.order_by("program", "-valid_from"),
    }
    return render(request, "beneficiaries/criteria.html", context)


@requires("residents.write")
def closure_list(request):
    form, saved = _add_form(request, "closure", "closure")
    if saved:
        return redirect("beneficiaries:closure-list")
    today = timezone.localdate()
    context = {
        "form": form,
        "upcoming": ClosureDay.objects.filter(date__gte=today).order_by("date"),
        "past": ClosureDay.objects.filter(date__lt=today).order_by("-date")[:30],
        "holidays": _holidays_from(today, days=366),
    }
    return render(request, "beneficiaries/closure_list.html", context)


def _holidays_from(start: datetime.date, *, days: int) -> list[tuple[datetime.date, str]]:
    found = []
    for offset in range(days):
        day = start + datetime.timedelta(days=offset)
        name = public_holiday_name(day)
        if name:
            found.append((day, name))
    return found


@requires("residents.write")
def reference_edit(request, kind: str, pk: int):
    spec = KINDS[kind]
    instance = get_object_or_404(spec.model, pk=pk)
    initial = {name: getattr(instance, name) for name in spec.form.base_fields}
    form = spec.form(request.POST or None, initial=initial)
    if request.method == "POST" and _save_form(request, spec, form, instance):
        return redirect(spec.list_url)
    context = {"form": form, "title": spec.title, "list_url": spec.list_url, "kind": kind, "object": instance}
    return render(request, "beneficiaries/reference_form.html", context)


@requires("residents.write")
@require_POST
def reference_remove(request, kind: str, pk: int):
    spec = KINDS[kind]
    reference_delete(obj=get_object_or_404(spec.model, pk=pk), by=request.user)
    messages.success(request, _("Deleted."))
    return redirect(spec.list_url)
