"""Shapes of the meals API (docs/api.md#hot-meals): input validation and output, nothing else."""

from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from beneficiaries.eligibility import Reason
from beneficiaries.models import Resident
from beneficiaries.serializers import Text
from config.dates import check_year
from config.fields import MAX_ID, OUT_OF_RANGE, DayField
from config.serializers import ErrorIssueSerializer, day_out, moment_out
from meals.models import IssueSource, MealDay, MealIssue, MealPrice
from meals.services import CLOCK_SKEW, issue_ref, issued_by_name, may_void

REASON_CODES = [value for name, value in vars(Reason).items() if name.isupper()]


class ResidentBriefSerializer(serializers.ModelSerializer):
    diet = serializers.ListField(child=serializers.CharField())

    class Meta:
        model = Resident
        fields = ["id", "first_name", "last_name", "card_number", "diet", "allergies"]


class MealIssueSerializer(serializers.ModelSerializer):
    """``may_void``: may the request's user undo this issue (meals.services.may_void), so the browser need not guess."""

    # The fields declare the shape (and the OpenAPI schema); to_representation writes it out
    # directly: DRF's field machinery costs 0.7-1.8 ms per issue, a tenth of a whole check-in
    # (bench/README.md). tests/meals/test_checkin_answer_shape.py holds the two together.

    resident = ResidentBriefSerializer(read_only=True)
    issued_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    issued_by_name = serializers.CharField(read_only=True)
    voided_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    may_void = serializers.BooleanField(read_only=True)

    class Meta:
        model = MealIssue
        fields = [
            "id",
            "resident",
            "date",
            "issued_at",
            "source",
            "takeaway",
            "collected_by",
            "issued_by",
            "issued_by_name",
            "client_ref",
            "voided_at",
            "voided_by",
            "void_reason",
            "may_void",
        ]

    def to_representation(self, issue: MealIssue) -> dict:
        resident, voided_by = issue.resident, issue.voided_by
        return {
            "id": issue.pk,
            "resident": {
                "id": resident.pk,
                "first_name": resident.first_name,
                "last_name": resident.last_name,
                "card_number": resident.card_number,
                "diet": [str(tag) for tag in resident.diet or []],
                "allergies": resident.allergies,
            },
            "date": day_out(issue.date),
            "issued_at": moment_out(issue.issued_at),
            "source": issue.source,
            "takeaway": issue.takeaway,
            "collected_by": issue.collected_by,
            "issued_by": issue.issued_by.username,
            "issued_by_name": issued_by_name(issue),
            "client_ref": issue.client_ref,
            "voided_at": moment_out(issue.voided_at),
            "voided_by": voided_by.username if voided_by else None,
            "void_reason": issue.void_reason,
            "may_void": _may_void(self, issue),
        }


def _may_void(serializer: serializers.BaseSerializer, issue: MealIssue) -> bool:
    request = serializer.context.get("request")
    return request is not None and may_void(request.user, issue)


class IssueCreateSerializer(serializers.Serializer):
    one_of_required = ("resident", "card")  # the OpenAPI schema says so too (config.schema)

    resident = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    card = serializers.CharField(required=False, max_length=32)
    takeaway = serializers.BooleanField(default=False)
    collected_by = serializers.CharField(default="", allow_blank=True, allow_null=True, max_length=200)
    client_ref = serializers.CharField(required=False, allow_blank=True, allow_null=True, max_length=64)
    issued_at = serializers.DateTimeField(
        required=False, help_text="When the meal was handed out (a queued offline scan, a paper list); default now."
    )
    source = serializers.ChoiceField(choices=IssueSource.choices, default=IssueSource.COUNTER)

    def validate_issued_at(self, value):
        try:
            check_year(value.date())
        except ValueError:
            raise serializers.ValidationError(OUT_OF_RANGE, code="out_of_range")  # DayField's message
        if value > timezone.now() + CLOCK_SKEW:
            raise serializers.ValidationError(_("A meal cannot be issued in the future."))
        return value

    def validate(self, attrs):
        if ("resident" in attrs) == ("card" in attrs):
            raise serializers.ValidationError(_("Give exactly one of resident or card."))
        attrs["collected_by"] = attrs.get("collected_by") or ""
        attrs["client_ref"] = attrs.get("client_ref") or None
        return attrs


class VoidSerializer(serializers.Serializer):
    reason = Text(max_length=500)


class DateQuerySerializer(serializers.Serializer):
    date = DayField(required=False)

    def day(self):
        return self.validated_data.get("date") or timezone.localdate()


class CheckQuerySerializer(serializers.Serializer):
    resident = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    card = serializers.CharField(required=False, max_length=32)

    validate = IssueCreateSerializer.validate


class SearchQuerySerializer(serializers.Serializer):
    search = serializers.CharField(max_length=100)


# --- The issue a resident already has today (the counter's check) -------------------------


class IssueRefSerializer(ErrorIssueSerializer):
    """The issue a resident already has today, named as a refusal names it (meals.services.issue_ref)."""

    def to_representation(self, issue: MealIssue) -> dict:
        request = self.context.get("request")
        return issue_ref(issue, user=request.user if request else None)


# --- The counter's reads ------------------------------------------------------------------


class CounterResidentSerializer(ResidentBriefSerializer):
    """The resident as the counter shows them: birth year and street tell namesakes apart."""

    birth_year = serializers.IntegerField(source="birth_date.year", allow_null=True, default=None)

    class Meta(ResidentBriefSerializer.Meta):
        fields = [*ResidentBriefSerializer.Meta.fields, "birth_year", "street"]


class CheckinStateSerializer(serializers.Serializer):
    date = serializers.DateField()
    state = serializers.ChoiceField(choices=["may_eat", "already_issued", "not_eligible"])
    reasons = serializers.ListField(child=serializers.ChoiceField(choices=REASON_CODES), source="eligibility.reasons")
    resident = CounterResidentSerializer()
    issue = IssueRefSerializer(allow_null=True)


class SearchResultSerializer(serializers.Serializer):
    """A resident as the counter lists them: a search result, and a row of the offline pack."""

    id = serializers.IntegerField()
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    birth_year = serializers.IntegerField(allow_null=True)
    street = serializers.CharField()
    card_number = serializers.CharField(allow_null=True)
    diet = serializers.ListField(child=serializers.CharField())
    allergies = serializers.CharField()
    issued_at = serializers.DateTimeField(allow_null=True)


# --- The day ------------------------------------------------------------------------------


class DayResidentSerializer(serializers.Serializer):
    # Written out directly, like MealIssueSerializer: a city-wide day has tens of thousands of
    # rows. The context gives ``expected_ids`` and ``served_by`` (the day's roster).

    id = serializers.IntegerField(source="resident_id")
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    card_number = serializers.CharField()
    district = serializers.CharField()
    document_number = serializers.CharField()
    diet = serializers.ListField(child=serializers.CharField())
    allergies = serializers.CharField()
    issued_at = serializers.DateTimeField(allow_null=True)
    takeaway = serializers.BooleanField()
    source = serializers.ChoiceField(
        choices=IssueSource.choices, allow_null=True, help_text="How the issue was recorded; null if not served."
    )
    recorded_at = serializers.DateTimeField(
        allow_null=True, help_text="When the issue was recorded (a paper list: when it was entered)."
    )
    expected = serializers.BooleanField(
        read_only=True, help_text="Eligible that day (False: served although not eligible any more)."
    )
    issued_by = serializers.CharField(read_only=True, allow_null=True)

    def to_representation(self, row) -> dict:
        return {
            "id": row.resident_id,
            "first_name": row.first_name,
            "last_name": row.last_name,
            "card_number": row.card_number,
            "district": row.district,
            "document_number": row.document_number,
            "diet": row.diet,
            "allergies": row.allergies,
            "issued_at": moment_out(row.issued_at),
            "takeaway": row.takeaway,
            "source": row.source or None,
            "recorded_at": moment_out(row.recorded_at),
            "expected": row.resident_id in self.context["expected_ids"],
            "issued_by": self.context["served_by"].get(row.resident_id),
        }


class VoidedResidentSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="resident_id")
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    card_number = serializers.CharField()


class VoidedIssueSerializer(serializers.Serializer):
    """An issue of the day that was undone (docs/api.md#hot-meals: ``voided``)."""

    id = serializers.IntegerField()
    resident = VoidedResidentSerializer(source="*")
    issued_at = serializers.DateTimeField()
    voided_at = serializers.DateTimeField()
    voided_by = serializers.CharField(help_text="user name")
    void_reason = serializers.CharField()


class _PlanFieldsMixin(serializers.Serializer):
    menu = serializers.CharField(source="plan_menu")
    portions_planned = serializers.IntegerField(source="plan_portions", allow_null=True)


class DaySummarySerializer(_PlanFieldsMixin):
    date = serializers.DateField()
    open = serializers.BooleanField()
    expected = serializers.IntegerField()
    issued = serializers.IntegerField()


class OfflineConflictSerializer(serializers.Serializer):
    """A meal served offline and refused when the queue was sent; ``issue``: the issue in the way."""

    id = serializers.IntegerField()
    resident = ResidentBriefSerializer()
    scanned_at = serializers.DateTimeField()
    scanned_by = serializers.CharField(source="scanned_by.username")
    code = serializers.CharField()
    issue = IssueRefSerializer(allow_null=True)


class DaySerializer(DaySummarySerializer):
    closure_reason = serializers.CharField()
    note = serializers.CharField(source="plan_note")
    residents = serializers.SerializerMethodField()
    voided = VoidedIssueSerializer(many=True, help_text="the issues of that day that were voided, latest first")
    conflicts = OfflineConflictSerializer(many=True)

    @extend_schema_field(DayResidentSerializer(many=True))
    def get_residents(self, day):
        context = {"expected_ids": day.expected_ids, "served_by": day.served_by}
        return DayResidentSerializer(day.rows, many=True, context=context).data


class OfflinePackSerializer(serializers.Serializer):
    date = serializers.DateField()
    generated_at = serializers.DateTimeField()
    residents = serializers.SerializerMethodField()

    @extend_schema_field(SearchResultSerializer(many=True))
    def get_residents(self, pack):
        """SearchResultSerializer's shape, built directly: the rows are plain dicts already."""
        return [{**row, "issued_at": moment_out(row["issued_at"])} for row in pack.residents]


class DayPlanSerializer(serializers.ModelSerializer):
    menu = serializers.CharField(required=False, allow_blank=True, max_length=500)
    portions_planned = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=100_000)
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)
    updated_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    updated_at = serializers.DateTimeField(read_only=True, allow_null=True)  # null: a day never planned

    class Meta:
        model = MealDay
        fields = ["date", "menu", "portions_planned", "note", "updated_at", "updated_by"]
        read_only_fields = ["date", "updated_at"]


# --- Prices -------------------------------------------------------------------------------


class MealPriceSerializer(serializers.ModelSerializer):
    """``{valid_from, price}``: ``price`` a decimal string in zł (docs/api.md#hot-meals)."""

    valid_from = DayField()
    price = serializers.DecimalField(max_digits=8, decimal_places=2, min_value=Decimal("0.01"))
    created_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = MealPrice
        fields = ["id", "valid_from", "price", "created_by", "created_at"]
        read_only_fields = ["id", "created_by", "created_at"]
        validators = []  # a date that already has a price is the service's field error, one message
