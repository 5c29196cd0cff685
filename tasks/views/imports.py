"""The coordinators' "Import" page: upload a file, read the dry run, apply it (docs/imports.md).

Without JavaScript the pages still work (a run in the worker shows its progress on reload);
with it, the progress bar follows the run through the JSON API.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from beneficiaries.imports.reading import COLUMNS
from config.permissions import requires
from tasks.imports import import_apply_checked, import_check_state, import_rows_done, import_upload
from tasks.models import ImportRun, ImportStatus
from tasks.rendering.spreadsheet import csv_bytes

RECENT = 20
TEMPLATE_EXAMPLE = (
    "Kowalski;Jan;44051401359;;Jana Kasprowicza;2;5;41-503;;posilek;OPS.8220.1.2026;2026-01-02;2026-12-31;1-5",
    "Żółć;Łucja;;14.05.1960;Wiejska;7;;41-506;;fead;S/12/2026;02.01.2026;30.06.2026;",
)


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File (CSV or XLSX)"))


@requires("imports.run")
@require_http_methods(["GET", "POST"])
def import_list(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            run = import_upload(by=request.user, upload=form.cleaned_data["file"], dry_run=True)
        except ValidationError as error:
            form.add_error("file", error.message_dict.get("file", error.messages))
        else:
            return redirect("tasks:import-detail", pk=run.pk)
    runs = ImportRun.objects.select_related("requested_by").defer("content", "rows")[:RECENT]
    context = {"form": form, "runs": runs, "columns": COLUMNS}
    return render(request, "tasks/import_list.html", context, status=400 if form.errors else 200)


@requires("imports.run")
def import_detail(request, pk: int):
    run = get_object_or_404(ImportRun.objects.select_related("requested_by", "checked").defer("content"), pk=pk)
    check_state = import_check_state(run)  # read once: whether it was applied, whether its file is kept
    context = {
        "run": run,
        "rows_done": import_rows_done(run),
        "may_apply": check_state == "waiting",
        "file_removed": check_state == "file_removed",
        "keep_hours": settings.IMPORT_FILE_KEEP_HOURS,
        "Status": ImportStatus,
        "api_url": reverse("api-import-detail", args=[run.pk]),
    }
    return render(request, "tasks/import_detail.html", context)


@requires("imports.run")
@require_POST
def import_apply(request, pk: int):
    run = get_object_or_404(ImportRun.objects.defer("content"), pk=pk)
    applied = import_apply_checked(run_id=run.pk, by=request.user)
    if applied is None:
        messages.warning(request, _("This check was already applied, or has not finished yet."))
        return redirect("tasks:import-detail", pk=run.pk)
    return redirect("tasks:import-detail", pk=applied.pk)


@requires("imports.run")
def import_template(request):
    """The columns of docs/imports.md with two example rows, written by the documents' CSV writer."""
    rows = [COLUMNS, *(line.split(";") for line in TEMPLATE_EXAMPLE)]
    response = HttpResponse(csv_bytes(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="import-decyzji.csv"'
    return response
