"""Coordinator pages about a resident's entitlements: record one, suspend, resume."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beneficiaries import forms
from beneficiaries.models import Entitlement, Resident
from beneficiaries.services.entitlements import entitlement_create, entitlement_resume, entitlement_suspend
from config.permissions import requires


@requires("residents.write")
def entitlement_create_page(request, pk: int):
    resident = get_object_or_404(Resident, pk=pk)
    form = forms.EntitlementForm(request.POST or None, initial={"valid_from": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            entitlement_create(resident=resident, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Entitlement saved."))
            return redirect("beneficiaries:resident-detail", pk=resident.pk)
    return render(request, "beneficiaries/entitlement_form.html", {"form": form, "resident": resident})


@requires("residents.write")
@require_POST
def entitlement_status_page(request, pk: int, action: str):
    entitlement = get_object_or_404(Entitlement, pk=pk)
    if action == "suspend":
        entitlement_suspend(entitlement=entitlement, by=request.user)
        messages.success(request, _("Entitlement suspended."))
    else:
        entitlement_resume(entitlement=entitlement, by=request.user)
        messages.success(request, _("Entitlement resumed."))
    return redirect("beneficiaries:resident-detail", pk=entitlement.resident_id)
