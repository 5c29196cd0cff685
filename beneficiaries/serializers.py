"""API shapes of residents, entitlements and eligibility (docs/api.md#residents, docs/api.md#entitlements).

Input serializers only check types and sizes and call the shared validators; the services
decide (and re-check) everything else.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from beneficiaries import validators
from beneficiaries.eligibility import Reason
from beneficiaries.models import (
    ENTITLEMENT_TERMS,
    RESIDENT_FIELDS,
    ClosureDay,
    DietTag,
    District,
    Entitlement,
    Funding,
    Program,
    Resident,
    Street,
)
from beneficiaries.selectors import DuplicateReason
from config.fields import MAX_ID, DayField
from config.roles import hidden_fields

REASON_CODES = [value for name, value in vars(Reason).items() if name.isupper()]
DUPLICATE_REASONS = [value for name, value in vars(DuplicateReason).items() if name.isupper()]


def _flat(error: DjangoValidationError) -> serializers.ValidationError:
    return serializers.ValidationError(error.messages)


class DietField(serializers.ListField):
    """A list of diet tags; an unknown tag is one flat message naming it."""

    child = serializers.ChoiceField(choices=DietTag.choices)

    def to_internal_value(self, data):
        try:
            return validators.clean_diet(data)
        except DjangoValidationError as error:
            raise _flat(error)


class WeekdaysField(serializers.ListField):
    """ISO weekday numbers 1..7 in, the stored digits ('12345') out to the service."""

    child = serializers.IntegerField(min_value=1, max_value=7)

    def to_internal_value(self, data):
        if not isinstance(data, list):
            raise serializers.ValidationError(_("Give the weekdays as a list of numbers 1..7."))
        try:
            return [int(day) for day in validators.weekdays_to_text(data)]
        except DjangoValidationError as error:
            raise _flat(error)

    def to_representation(self, value):
        return [int(day) for day in value]


class Text(serializers.CharField):
    """A JSON string only: a number is refused, not turned into text (a PESEL would lose its zeros)."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


# --- Residents ----------------------------------------------------------------------------------


class ResidentInputSerializer(serializers.Serializer):
    first_name = Text(max_length=100)
    last_name = Text(max_length=100)
    pesel = Text(max_length=11, required=False, allow_blank=True, allow_null=True)
    birth_date = DayField(required=False, allow_null=True)
    street = Text(max_length=100, required=False, allow_blank=True)
    building = Text(max_length=20, required=False, allow_blank=True)
    flat = Text(max_length=20, required=False, allow_blank=True)
    # The pattern is for the OpenAPI schema (validators.clean_postal_code decides): 00-000 or 00000.
    postal_code = Text(
        max_length=6,
        required=False,
        allow_blank=True,
        validators=[RegexValidator(r"^\s*(\d{2}-?\d{3})?\s*$", message=_("Enter the postal code as 00-000."))],
    )
    district = serializers.ChoiceField(choices=District.choices, required=False, allow_null=True)
    phone = Text(max_length=32, required=False, allow_blank=True)
    diet = DietField(required=False)
    allergies = Text(max_length=2000, required=False, allow_blank=True)
    notes = Text(max_length=4000, required=False, allow_blank=True)
    homeless = serializers.BooleanField(required=False)
    is_active = serializers.BooleanField(required=False)

    def validate_pesel(self, value):
        return validators.clean_pesel(value)

    def validate_birth_date(self, value):
        return validators.clean_birth_date(value)

    def validate_postal_code(self, value):
        return validators.clean_postal_code(value)


class ResidentPatchSerializer(ResidentInputSerializer):
    version = serializers.IntegerField(
        required=False, min_value=1, max_value=2**31 - 1, help_text="The version the editor loaded (409 when stale)."
    )


class VisibleFieldsMixin:
    """Leaves out the personal fields the reader may not see on this resident (config.roles.hidden_fields).

    The reader is the request's user; without a request nothing personal is shown.
    """

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        resident_id = instance.pk if isinstance(instance, Resident) else instance.resident_id
        for field in hidden_fields(request.user if request else None, resident_id) & data.keys():
            del data[field]
        return data


class ResidentSerializer(VisibleFieldsMixin, serializers.ModelSerializer):
    """A resident as staff see it: PESEL, notes, phone and health data as the reader's role allows."""

    diet = serializers.ListField(child=serializers.ChoiceField(choices=DietTag.choices), required=False)

    class Meta:
        model = Resident
        # What the coordinator records (one list, shared with the services), plus what the system adds.
        fields = ["id", "card_number", *RESIDENT_FIELDS, "version", "created_at", "updated_at"]
        read_only_fields = fields


class IncomeTestSerializer(serializers.Serializer):
    passed = serializers.BooleanField()
    limit = serializers.DecimalField(max_digits=10, decimal_places=2, help_text="zł per person")


class EntitlementSerializer(VisibleFieldsMixin, serializers.ModelSerializer):
    """Income figures only for the roles that may see them."""

    weekdays = WeekdaysField()
    income_test = IncomeTestSerializer(
        read_only=True, allow_null=True, help_text="The income test's result when income was given."
    )

    class Meta:
        model = Entitlement
        fields = ["id", "resident", *ENTITLEMENT_TERMS, "income_test", "created_at"]
        read_only_fields = fields


class ResidentDetailSerializer(ResidentSerializer):
    entitlements = EntitlementSerializer(many=True, read_only=True)

    class Meta(ResidentSerializer.Meta):
        fields = [*ResidentSerializer.Meta.fields, "entitlements"]
        read_only_fields = fields


class PossibleDuplicateSerializer(serializers.ModelSerializer):
    reason = serializers.ChoiceField(choices=DUPLICATE_REASONS, source="duplicate_reason", read_only=True)

    class Meta:
        model = Resident
        fields = ["id", "first_name", "last_name", "birth_date", "card_number", "reason"]
        read_only_fields = fields


class ResidentCreatedSerializer(ResidentSerializer):
    possible_duplicates = PossibleDuplicateSerializer(many=True, read_only=True)

    class Meta(ResidentSerializer.Meta):
        fields = [*ResidentSerializer.Meta.fields, "possible_duplicates"]
        read_only_fields = fields


class ResidentSearchSerializer(serializers.Serializer):
    search = serializers.CharField(max_length=100, required=False, allow_blank=True)


class DuplicateQuerySerializer(serializers.Serializer):
    first_name = serializers.CharField(max_length=100)
    last_name = serializers.CharField(max_length=100)
    birth_date = DayField(required=False)
    street = serializers.CharField(max_length=100, required=False, allow_blank=True)
    building = serializers.CharField(max_length=20, required=False, allow_blank=True)
    flat = serializers.CharField(max_length=20, required=False, allow_blank=True)
    exclude = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID)


# --- Entitlements and eligibility ----------------------------------------------------------------


class EntitlementInputSerializer(serializers.Serializer):
    program = serializers.ChoiceField(choices=Program.choices)
    valid_from = DayField()
    valid_to = DayField()
    document_number = Text(max_length=64)
    weekdays = WeekdaysField(required=False, default=[1, 2, 3, 4, 5])
    household_size = serializers.IntegerField(min_value=1, max_value=99, required=False, allow_null=True)
    monthly_income = serializers.DecimalField(
        max_digits=10, decimal_places=2, min_value=0, required=False, allow_null=True
    )
    funding = serializers.ChoiceField(choices=Funding.choices, required=False, default=Funding.PROGRAMME)

    def validate(self, attrs):
        if attrs["valid_to"] < attrs["valid_from"]:
            raise serializers.ValidationError({"valid_to": [_("The end date cannot be before the start date.")]})
        return attrs


class EligibilityQuerySerializer(serializers.Serializer):
    program = serializers.ChoiceField(choices=Program.choices)
    date = DayField(required=False, help_text="Default: today in Europe/Warsaw.")


class EligibilitySerializer(serializers.Serializer):
    eligible = serializers.BooleanField()
    reasons = serializers.ListField(child=serializers.ChoiceField(choices=REASON_CODES))
    program = serializers.ChoiceField(choices=Program.choices)
    date = serializers.DateField()
    entitlement = serializers.IntegerField(allow_null=True, help_text="The entitlement that allows it.")


# --- Reference data -----------------------------------------------------------------------------


class StreetSerializer(serializers.ModelSerializer):
    name = Text(max_length=100)

    class Meta:
        model = Street
        fields = ["id", "name", "district"]
        read_only_fields = ["id"]
        # Uniqueness is the service's (on the folded name), not the serializer's.
        extra_kwargs = {"name": {"validators": []}}


class StreetLookupSerializer(serializers.Serializer):
    street = serializers.CharField(max_length=100)


class StreetDistrictSerializer(serializers.Serializer):
    street = serializers.CharField()
    district = serializers.ChoiceField(choices=District.choices, allow_null=True)


class ClosureDaySerializer(serializers.ModelSerializer):
    reason = Text(max_length=200, required=False, allow_blank=True)

    class Meta:
        model = ClosureDay
        fields = ["id", "date", "reason"]
        read_only_fields = ["id"]
        extra_kwargs = {"date": {"validators": []}}


# ``?from=D&to=D`` ("from" is a Python keyword, hence the dictionary).
ClosureDayQuerySerializer = type(
    "ClosureDayQuerySerializer",
    (serializers.Serializer,),
    {"from": DayField(required=False), "to": DayField(required=False)},
)
