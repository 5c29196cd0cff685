"""The coordinator's page for anonymising one person on request (with confirmation)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from beneficiaries.exceptions import BeneficiaryError
from beneficiaries.models import Resident
from config.permissions import requires
from tasks.retention import data_subject_anonymise


@require_http_methods(["GET", "POST"])
@requires("residents.data_subject")
def resident_anonymise_page(request, pk: int):
    """GET explains what goes and what stays; POST with the box ticked anonymises."""
    resident = get_object_or_404(Resident, pk=pk)
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            messages.error(request, _("Tick the box to confirm the anonymisation."))
        else:
            try:
                data_subject_anonymise(resident=resident, by=request.user)
                messages.success(request, _("The person's data was anonymised; the counts remain."))
            except BeneficiaryError as refusal:
                messages.error(request, str(refusal.detail))
            return redirect("beneficiaries:resident-detail", pk=pk)
    return render(request, "tasks/resident_anonymise.html", {"resident": resident})
