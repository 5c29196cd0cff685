"""Input validation and output shapes of the documents API (docs/api.md#documents) and of anonymisation."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from config.fields import MAX_ID, DayField, MonthField
from config.text import staff_name
from tasks.imports import import_rows_done
from tasks.models import KIND_PARAMETER, Document, DocumentKind, ImportRun
from tasks.services import document_subject


class DocumentRequestSerializer(serializers.Serializer):
    """``kind`` and its one parameter; ``validated_data`` gains ``subject`` and ``subject_date``."""

    kind = serializers.ChoiceField(choices=DocumentKind.choices)
    date = DayField(required=False, help_text="meal_roster, meal_serving_sheet: YYYY-MM-DD")
    session = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID, help_text="workshop_attendance")
    month = MonthField(required=False, help_text="monthly_meals, fead_report: YYYY-MM")

    def validate(self, attrs):
        name = KIND_PARAMETER[DocumentKind(attrs["kind"])]
        if attrs.get(name) is None:
            raise serializers.ValidationError({name: [_("This field is required for this kind of document.")]})
        subject, subject_date = document_subject(kind=attrs["kind"], parameter=attrs[name])
        return {"kind": attrs["kind"], "subject": subject, "subject_date": subject_date}


class DocumentFilterSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=DocumentKind.choices, required=False)
    date = DayField(required=False, help_text="documents about this day (a report: its month)")
    created = DayField(required=False, help_text="documents requested on this day (Warsaw)")


class DocumentSerializer(serializers.ModelSerializer):
    error = serializers.SerializerMethodField(help_text="why it failed, readable; null unless failed")
    file_url = serializers.SerializerMethodField(help_text="the PDF, once ready")
    csv_url = serializers.SerializerMethodField(help_text="monthly_meals only: the same figures as CSV")
    params = serializers.SerializerMethodField()
    requested_by = serializers.SerializerMethodField(help_text="null when the schedule created it")
    fingerprint = serializers.CharField(
        read_only=True,
        help_text="digest of the data printed: a newer document of the same list with another one"
        " means this one is outdated",
    )

    class Meta:
        model = Document
        fields = [
            "id",
            "kind",
            "status",
            "error",
            "file_url",
            "created_at",
            "finished_at",
            "params",
            "csv_url",
            "requested_by",
            "download_count",
            "last_downloaded_at",
            "fingerprint",
        ]
        read_only_fields = fields

    def get_error(self, document) -> str | None:
        return document.error or None

    def get_file_url(self, document) -> str | None:
        return self._url("api-document-file", document) if document.is_ready else None

    def get_csv_url(self, document) -> str | None:
        return self._url("api-document-csv", document) if document.is_ready and document.csv_file else None

    def get_params(self, document) -> dict[str, str | int]:
        return document.params

    def get_requested_by(self, document) -> str | None:
        user = document.requested_by
        return staff_name(user) if user else None

    def _url(self, name: str, document) -> str:
        path = reverse(name, args=[document.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class DocumentCreatedSerializer(DocumentSerializer):
    queued = serializers.SerializerMethodField(
        help_text="false when the broker was unavailable: the document stays pending and is queued again later"
    )

    notice = serializers.SerializerMethodField(help_text="when not queued: that printing is delayed, for a person")

    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "queued", "notice"]
        read_only_fields = fields

    def get_queued(self, document) -> bool:
        return self.context.get("queued") is not False

    def get_notice(self, document) -> str | None:
        if self.get_queued(document):
            return None
        return _("The queue is unavailable; the document will be prepared later.")


@extend_schema_field({"type": "boolean", "enum": [True]})
class ConfirmField(serializers.BooleanField):
    """A box that must be ticked: the schema allows only true."""


class AnonymiseInputSerializer(serializers.Serializer):
    confirm = ConfirmField(help_text="must be true: anonymisation cannot be undone")

    def validate_confirm(self, value):
        if value is not True:
            raise serializers.ValidationError(_("Confirm that this person's data is to be anonymised."))
        return value


# --- Imports (docs/api.md#imports) ---------------------------------------------------------------


class ImportUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="CSV (UTF-8 or Windows-1250, ; or ,) or XLSX, a header row")
    dry_run = serializers.BooleanField(required=False, default=False)


class ImportRowSerializer(serializers.Serializer):
    row = serializers.IntegerField(help_text="the line in the file (the header is 1)")
    action = serializers.ChoiceField(choices=["create", "update", "unchanged", "error"])
    resident = serializers.IntegerField(allow_null=True)
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()), help_text="column -> messages"
    )
    changes = serializers.ListField(
        child=serializers.CharField(), help_text="update: the fields changed, or entitlement"
    )
    possible_duplicates = serializers.ListField(
        child=serializers.IntegerField(), help_text="create: residents it may duplicate"
    )


class ImportSummarySerializer(serializers.Serializer):
    create = serializers.IntegerField()
    update = serializers.IntegerField()
    unchanged = serializers.IntegerField()
    error = serializers.IntegerField()


class ImportRunSerializer(serializers.ModelSerializer):
    """A run as the API answers it: the outcome once done, the progress while the worker runs it."""

    rows_done = serializers.SerializerMethodField()
    summary = ImportSummarySerializer(allow_null=True, read_only=True)
    rows = ImportRowSerializer(many=True, allow_null=True, read_only=True)

    class Meta:
        model = ImportRun
        fields = [
            "id",
            "dry_run",
            "status",
            "file_name",
            "rows_total",
            "rows_done",
            "summary",
            "rows",
            "error",
            "created_at",
            "finished_at",
        ]
        read_only_fields = fields

    def get_rows_done(self, run) -> int:
        return import_rows_done(run)
