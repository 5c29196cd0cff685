"""Input checks and output shapes of the workshops API (docs/api.md#workshops); no rules here."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import inline_serializer
from rest_framework import serializers

from beneficiaries.serializers import Text
from config.fields import MAX_ID, DayField, MonthField
from config.serializers import moment_out
from workshops import selectors
from workshops.models import Signup, Topic, WorkshopSession


class SessionSerializer(serializers.ModelSerializer):
    topic_label = serializers.CharField(source="get_topic_display", read_only=True)
    leader_name = serializers.SerializerMethodField()
    confirmed_count = serializers.IntegerField(read_only=True)
    waitlist_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = WorkshopSession
        fields = [
            "id",
            "title",
            "topic",
            "topic_label",
            "starts_at",
            "ends_at",
            "capacity",
            "location",
            "leader",
            "leader_name",
            "status",
            "cancelled_at",
            "confirmed_count",
            "waitlist_count",
            "created_at",
        ]
        read_only_fields = fields

    def get_leader_name(self, session) -> str:
        return selectors.leader_name(session)


class SessionSummarySerializer(serializers.ModelSerializer):
    topic_label = serializers.CharField(source="get_topic_display", read_only=True)
    leader_name = serializers.SerializerMethodField()

    class Meta:
        model = WorkshopSession
        fields = ["id", "title", "topic", "topic_label", "starts_at", "ends_at", "location", "leader_name", "status"]
        read_only_fields = fields

    def get_leader_name(self, session) -> str:
        return selectors.leader_name(session)


class SessionInputSerializer(serializers.Serializer):
    title = Text(max_length=200)
    topic = serializers.ChoiceField(choices=Topic.choices)
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    capacity = serializers.IntegerField(min_value=1, max_value=500)
    location = Text(max_length=200, required=False, allow_blank=True, default="")
    leader = serializers.PrimaryKeyRelatedField(queryset=selectors.leader_candidates(), required=False)

    def validate(self, attrs):
        starts_at, ends_at = attrs.get("starts_at"), attrs.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            raise serializers.ValidationError({"ends_at": [_("The end must be later than the start.")]})
        return attrs


class SignupSerializer(serializers.ModelSerializer):
    # The fields declare the shape (and the OpenAPI schema); to_representation writes it out
    # directly, as the check-in's answer is: fifty simultaneous sign-ups wait for the CPU, and
    # DRF's field machinery was a tenth of each (bench/README.md, B4).
    # tests/workshops/test_signup_answer_shape.py holds the two together.

    resident_name = serializers.CharField(source="resident.full_name", read_only=True)

    class Meta:
        model = Signup
        fields = [
            "id",
            "session",
            "resident",
            "resident_name",
            "status",
            "waitlist_position",
            "attended",
            "created_at",
            "cancelled_at",
        ]
        read_only_fields = fields

    def to_representation(self, signup: Signup) -> dict:
        return {
            "id": signup.pk,
            "session": signup.session_id,
            "resident": signup.resident_id,
            "resident_name": signup.resident.full_name,
            "status": str(signup.status),
            "waitlist_position": signup.waitlist_position,
            "attended": signup.attended,
            "created_at": moment_out(signup.created_at),
            "cancelled_at": moment_out(signup.cancelled_at),
        }


class HistorySignupSerializer(SignupSerializer):
    """A line of a resident's history: the sign-up with the session it was for."""

    session = SessionSummarySerializer(read_only=True)

    class Meta(SignupSerializer.Meta):
        pass

    def to_representation(self, signup: Signup) -> dict:
        session = self.fields["session"].to_representation(signup.session)
        return {**super().to_representation(signup), "session": session}


class SignupCreateSerializer(serializers.Serializer):
    resident = serializers.IntegerField(min_value=1, max_value=MAX_ID)


class AttendanceSerializer(serializers.Serializer):
    attended = serializers.BooleanField()


class SessionFilterSerializer(serializers.Serializer):
    to = DayField(required=False)

    def get_fields(self):
        # "from" is a Python keyword, so it cannot be declared as a class attribute.
        return {"from": DayField(required=False), **super().get_fields()}

    def validate(self, attrs):
        if attrs.get("from") and attrs.get("to") and attrs["to"] < attrs["from"]:
            raise serializers.ValidationError({"to": [_("The end date must not be before the start date.")]})
        return attrs


class MonthSerializer(serializers.Serializer):
    month = MonthField()


class FiguresSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    month = serializers.IntegerField()
    sessions_per_topic = serializers.DictField(child=serializers.IntegerField())
    participants_per_topic = serializers.DictField(child=serializers.IntegerField())
    distinct_participants = serializers.IntegerField()
    attendances = serializers.IntegerField()
    no_shows = serializers.IntegerField()


CancelResultSerializer = inline_serializer(
    "SignupCancelResult",
    {
        "id": serializers.IntegerField(),
        "status": serializers.CharField(),
        "promoted": serializers.IntegerField(allow_null=True),
    },
)
SessionCancelResultSerializer = inline_serializer(
    "SessionCancelResult",
    {"session": SessionSerializer(), "cancelled_signups": serializers.ListField(child=serializers.IntegerField())},
)
SessionUpdateResultSerializer = inline_serializer(
    "SessionUpdateResult",
    {"session": SessionSerializer(), "promoted": serializers.ListField(child=serializers.IntegerField())},
)
MarkedSerializer = inline_serializer("MarkAllPresentResult", {"marked": serializers.IntegerField()})


class DoorAdmissionSerializer(serializers.Serializer):
    admitted = serializers.IntegerField(help_text="The sign-up moved up from the waiting list, marked present.")
    absent = serializers.IntegerField(help_text="The absentee's sign-up whose place it took (cancelled: absent).")
