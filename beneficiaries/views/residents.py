"""Staff pages about residents: search, the resident, create/edit (with the duplicate check).

Coordinators change things; distribution staff and workshop leaders get the same pages read-only.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from beneficiaries import forms, validators
from beneficiaries.calendar import closure_label, closure_reason
from beneficiaries.cards import is_valid_card_number
from beneficiaries.eligibility import check_eligibility
from beneficiaries.exceptions import EditConflict
from beneficiaries.models import District, Program, Resident, Street
from beneficiaries.reasons import reason_labels
from beneficiaries.sections import resident_sections
from beneficiaries.selectors import (
    resident_possible_duplicates,
    resident_search,
    resident_similar_names,
    residents_with_entitlements,
)
from beneficiaries.services.residents import resident_create, resident_update, residents_page_read
from config.permissions import requires
from config.roles import hidden_fields, may

PAGE_SIZE = 50
IDENTITY_FIELDS = ("first_name", "last_name", "pesel", "birth_date", "street", "building", "flat")


@requires("residents.read")
def resident_list(request):
    text = (request.GET.get("search") or "").strip()[:100]
    if is_valid_card_number(text):
        # A scanned card goes straight to its resident.
        resident = Resident.objects.filter(card_number=text).only("pk").first()
        if resident is not None:
            return redirect("beneficiaries:resident-detail", pk=resident.pk)
    page = Paginator(resident_search(text=text), PAGE_SIZE).get_page(request.GET.get("page"))
    residents_page_read(by=request.user, page_number=page.number, rows=len(page), search=text)
    suggestions = resident_similar_names(text=text) if text and not page.paginator.count else []
    context = {"page": page, "search": text, "suggestions": suggestions}
    return render(request, "beneficiaries/resident_list.html", context)


@requires("residents.read")
def resident_detail(request, pk: int):
    resident = get_object_or_404(residents_with_entitlements(), pk=pk)
    today = timezone.localdate()
    entitlements = list(resident.entitlements.all())
    checks = []
    for program, label in Program.choices:
        result = check_eligibility(resident=resident, program=program, day=today, entitlements=entitlements)
        checks.append(
            {"program": program, "label": label, "result": result, "why": reason_labels(result.reasons, program)}
        )
    context = {
        "resident": resident,
        "entitlements": entitlements,
        "checks": checks,
        "today": today,
        "closed_today": closure_label(closure_reason(today)),
        "duplicates": _duplicates_of(resident) if may(request.user, "residents.write") else [],
        "sections": resident_sections(request=request, resident=resident),
    }
    return render(request, "beneficiaries/resident_detail.html", context)


def _duplicates_of(resident: Resident) -> list[Resident]:
    return resident_possible_duplicates(
        **{field: getattr(resident, field) for field in IDENTITY_FIELDS if field != "pesel"}, exclude_id=resident.pk
    )


@requires("residents.write")
def resident_create_page(request):
    form = forms.ResidentForm(request.POST or None)
    duplicates = []
    if request.method == "POST" and form.is_valid():
        duplicates = _unconfirmed_duplicates(request, form.cleaned_data, exclude_id=None)
        if not duplicates:
            try:
                resident, _found = resident_create(by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                _report_saved(request, resident, _("Resident registered with card number %(card)s."))
                return redirect("beneficiaries:resident-detail", pk=resident.pk)
    return _form_page(request, form, duplicates, resident=None)


@requires("residents.write")
def resident_edit_page(request, pk: int):
    resident = get_object_or_404(Resident, pk=pk)
    initial = {field: getattr(resident, field) for field in forms.ResidentEditForm.base_fields}
    form = forms.ResidentEditForm(
        request.POST or None, initial=initial, hidden=hidden_fields(request.user, resident.pk)
    )
    duplicates = []
    if request.method == "POST" and form.is_valid():
        changed = {field: form.cleaned_data[field] for field in form.changed_data if field != "version"}
        if set(changed) & set(IDENTITY_FIELDS):
            duplicates = _unconfirmed_duplicates(request, form.cleaned_data, exclude_id=resident.pk)
        if not duplicates:
            try:
                resident = resident_update(
                    resident=resident, by=request.user, version=form.cleaned_data["version"], **changed
                )
            except EditConflict as conflict:
                form.add_error(None, conflict.detail)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                _report_saved(request, resident, _("Changes saved."))
                return redirect("beneficiaries:resident-detail", pk=resident.pk)
    return _form_page(request, form, duplicates, resident=resident)


def _unconfirmed_duplicates(request, data: dict, *, exclude_id: int | None) -> list[Resident]:
    """Possible duplicates the coordinator has not yet seen and accepted ("save anyway")."""
    birth_date = data.get("birth_date")
    if not birth_date and data.get("pesel"):
        birth_date = validators.pesel_birth_date(data["pesel"])
    identity = {field: data.get(field) or "" for field in ("first_name", "last_name", "street", "building", "flat")}
    duplicates = resident_possible_duplicates(birth_date=birth_date, exclude_id=exclude_id, **identity)
    confirmed = set(request.POST.get("confirmed_duplicates", "").split(","))
    return duplicates if {str(d.pk) for d in duplicates} - confirmed else []


def _report_saved(request, resident: Resident, message: str):
    messages.success(request, message % {"card": resident.card_number})
    if resident.district == District.OTHER and resident.street:
        messages.warning(request, _("The street is not in the register: the district is set to “other”."))


def _form_page(request, form, duplicates, *, resident):
    context = {
        "form": form,
        "resident": resident,
        "duplicates": duplicates,
        "confirmed_duplicates": ",".join(str(d.pk) for d in duplicates),
        "streets": Street.objects.values_list("name", flat=True),
        "district_labels": {value: str(label) for value, label in District.choices},
    }
    return render(request, "beneficiaries/resident_form.html", context)
