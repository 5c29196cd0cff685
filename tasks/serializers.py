"""Input validation and output shapes of the documents API (docs/api.md#documents) and of anonymisation."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from beneficiaries.calendar import point_is_open
from config.dates import RECORDS_BEGIN, day_text
from config.fields import MAX_ID, DayField, MonthField
from config.text import staff_name
from tasks.models import KIND_PARAMETER, Document, DocumentKind
from workshops.models import SessionStatus, WorkshopSession


class DocumentRequestSerializer(serializers.Serializer):
    """``kind`` and its one parameter; ``validated_data`` gains ``subject`` and ``subject_date``."""

    kind = serializers.ChoiceField(choices=DocumentKind.choices)
    date = DayField(required=False, help_text="meal_roster, meal_serving_sheet: YYYY-MM-DD")
    session = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID, help_text="workshop_attendance")
    month = MonthField(required=False, help_text="monthly_meals: YYYY-MM")

    def validate(self, attrs):
        name = KIND_PARAMETER[DocumentKind(attrs["kind"])]
        if attrs.get(name) is None:
            raise serializers.ValidationError({name: [_("This field is required for this kind of document.")]})
        subject, subject_date = getattr(self, f"_subject_from_{name}")(attrs[name])
        return {"kind": attrs["kind"], "subject": subject, "subject_date": subject_date}

    def _subject_from_date(self, day: datetime.date):
        _refuse_before_records(day, "date")
        if not point_is_open(day):
            raise serializers.ValidationError({"date": [_("The meal point is closed on this day.")]})
        return day.isoformat(), day

    def _subject_from_session(self, session_id: int):
        session = WorkshopSession.objects.filter(pk=session_id).only("status", "starts_at").first()
        if session is None:
            raise serializers.ValidationError({"session": [_("There is no workshop session with this id.")]})
        if session.status == SessionStatus.CANCELLED:
            raise serializers.ValidationError({"session": [_("This workshop session was cancelled.")]})
        return str(session_id), timezone.localdate(session.starts_at)

    def _subject_from_month(self, month: datetime.date):
        _refuse_before_records(month, "month")
        return f"{month:%Y-%m}", month


def _refuse_before_records(day: datetime.date, field: str) -> None:
    if day < RECORDS_BEGIN:
        message = _("The service holds no records before %(day)s.") % {"day": day_text(RECORDS_BEGIN)}
        raise serializers.ValidationError({field: [message]})


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


class AnonymiseInputSerializer(serializers.Serializer):
    confirm = serializers.BooleanField(help_text="must be true: anonymisation cannot be undone")

    def validate_confirm(self, value):
        if value is not True:
            raise serializers.ValidationError(_("Confirm that this person's data is to be anonymised."))
        return value
