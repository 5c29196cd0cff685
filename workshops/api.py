"""HTTP API of the workshops app (API.md "Workshops"): thin views over services and selectors."""

import re

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from beneficiaries.models import Resident
from config.exceptions import DomainError
from config.permissions import IsWorkshopOrCoordinator
from workshops import selectors, services
from workshops.models import Signup, Topic, WorkshopSession

# --- Serializers -------------------------------------------------------------------------------


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
    title = serializers.CharField(max_length=200)
    topic = serializers.ChoiceField(choices=Topic.choices)
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    capacity = serializers.IntegerField(min_value=1, max_value=500)
    location = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    leader = serializers.PrimaryKeyRelatedField(queryset=selectors.leader_candidates(), required=False)

    def validate(self, attrs):
        starts_at, ends_at = attrs.get("starts_at"), attrs.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            raise serializers.ValidationError({"ends_at": [_("The end must be later than the start.")]})
        return attrs


class SignupSerializer(serializers.ModelSerializer):
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


class HistorySignupSerializer(SignupSerializer):
    """A line of a resident's history: the sign-up with the session it was for."""

    session = SessionSummarySerializer(read_only=True)

    class Meta(SignupSerializer.Meta):
        pass


class SignupCreateSerializer(serializers.Serializer):
    resident = serializers.IntegerField(min_value=1, max_value=2**63 - 1)


class AttendanceSerializer(serializers.Serializer):
    attended = serializers.BooleanField()


class SessionFilterSerializer(serializers.Serializer):
    to = serializers.DateField(required=False)

    def get_fields(self):
        # "from" is a Python keyword, so it cannot be declared as a class attribute.
        return {"from": serializers.DateField(required=False), **super().get_fields()}

    def validate(self, attrs):
        if attrs.get("from") and attrs.get("to") and attrs["to"] < attrs["from"]:
            raise serializers.ValidationError({"to": [_("The end date must not be before the start date.")]})
        return attrs


_MONTH = re.compile(r"(\d{4})-(\d{2})")


class MonthSerializer(serializers.Serializer):
    month = serializers.CharField(max_length=7, help_text="YYYY-MM")

    def validate_month(self, value):
        match = _MONTH.fullmatch(value)
        if not match or not (1900 <= int(match[1]) <= 2999 and 1 <= int(match[2]) <= 12):
            raise serializers.ValidationError(_("Give a month as YYYY-MM."))
        return int(match[1]), int(match[2])


class FiguresSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    month = serializers.IntegerField()
    sessions_per_topic = serializers.DictField(child=serializers.IntegerField())
    participants_per_topic = serializers.DictField(child=serializers.IntegerField())
    distinct_participants = serializers.IntegerField()
    attendances = serializers.IntegerField()
    no_shows = serializers.IntegerField()


class DomainErrorSerializer(serializers.Serializer):
    code = serializers.CharField()
    detail = serializers.CharField()
    reasons = serializers.ListField(child=serializers.CharField(), required=False)


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
REFUSALS = {404: DomainErrorSerializer, 409: DomainErrorSerializer, 422: DomainErrorSerializer}


# --- Views ------------------------------------------------------------------------------------


def _found(call, *args, **kwargs):
    """Run a service or selector; an unknown id in the URL is a 404, not a 500."""
    try:
        return call(*args, **kwargs)
    except (WorkshopSession.DoesNotExist, Signup.DoesNotExist):
        raise NotFound()


def _session_with_counts(session_id: int) -> WorkshopSession:
    return get_object_or_404(selectors.sessions_with_counts(), pk=session_id)


class WorkshopView(generics.GenericAPIView):
    """Workshop leaders and coordinators manage workshops; distribution staff get 403."""

    permission_classes = [IsWorkshopOrCoordinator]


class SessionListCreateView(WorkshopView):
    serializer_class = SessionSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter("from", OpenApiTypes.DATE, description="first Warsaw start date"),
            OpenApiParameter("to", OpenApiTypes.DATE, description="last Warsaw start date"),
        ],
        responses=SessionSerializer(many=True),
    )
    def get(self, request):
        params = SessionFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        sessions = selectors.sessions_between(
            selectors.sessions_with_counts(),
            first=params.validated_data.get("from"),
            last=params.validated_data.get("to"),
        )
        page = self.paginate_queryset(sessions)
        return self.get_paginated_response(SessionSerializer(page, many=True).data)

    @extend_schema(request=SessionInputSerializer, responses={201: SessionSerializer})
    def post(self, request):
        data = SessionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        session = services.session_create(by=request.user, **data.validated_data)
        return Response(SessionSerializer(_session_with_counts(session.pk)).data, status=status.HTTP_201_CREATED)


class SessionDetailView(WorkshopView):
    serializer_class = SessionSerializer

    def get(self, request, pk: int):
        return Response(SessionSerializer(_session_with_counts(pk)).data)

    @extend_schema(
        request=SessionInputSerializer(partial=True), responses={200: SessionUpdateResultSerializer, **REFUSALS}
    )
    def patch(self, request, pk: int):
        data = SessionInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        _, promoted = _found(services.session_update, session_id=pk, by=request.user, **data.validated_data)
        session = SessionSerializer(_session_with_counts(pk)).data
        return Response({"session": session, "promoted": [s.pk for s in promoted]})


class SessionCancelView(WorkshopView):
    @extend_schema(request=None, responses={200: SessionCancelResultSerializer, **REFUSALS})
    def post(self, request, pk: int):
        cancelled = _found(services.session_cancel, session_id=pk, by=request.user)
        session = SessionSerializer(_session_with_counts(pk)).data
        return Response({"session": session, "cancelled_signups": [s.pk for s in cancelled]})


class SessionMarkAllPresentView(WorkshopView):
    @extend_schema(request=None, responses={200: MarkedSerializer, **REFUSALS})
    def post(self, request, pk: int):
        marked = _found(services.session_mark_all_present, session_id=pk, by=request.user)
        return Response({"marked": marked})


class SessionSignupsView(WorkshopView):
    serializer_class = SignupSerializer

    @extend_schema(responses=SignupSerializer(many=True))
    def get(self, request, pk: int):
        get_object_or_404(WorkshopSession, pk=pk)
        page = self.paginate_queryset(selectors.session_signups(session_id=pk))
        return self.get_paginated_response(SignupSerializer(page, many=True).data)

    @extend_schema(request=SignupCreateSerializer, responses={201: SignupSerializer, **REFUSALS})
    def post(self, request, pk: int):
        data = SignupCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        resident = Resident.objects.filter(pk=data.validated_data["resident"]).first()
        if resident is None:
            raise DomainError("unknown_resident", _("No resident with this id."), status_code=404)
        signup = _found(services.signup_create, session_id=pk, resident=resident, by=request.user)
        return Response(SignupSerializer(signup).data, status=status.HTTP_201_CREATED)


class SignupDetailView(WorkshopView):
    serializer_class = SignupSerializer

    def get(self, request, pk: int):
        return Response(SignupSerializer(get_object_or_404(Signup.objects.select_related("resident"), pk=pk)).data)


class SignupCancelView(WorkshopView):
    @extend_schema(request=None, responses={200: CancelResultSerializer, **REFUSALS})
    def post(self, request, pk: int):
        signup, promoted = _found(services.signup_cancel, signup_id=pk, by=request.user)
        return Response({"id": signup.pk, "status": signup.status, "promoted": promoted.pk if promoted else None})


class SignupAttendanceView(WorkshopView):
    @extend_schema(request=AttendanceSerializer, responses={200: SignupSerializer, **REFUSALS})
    def post(self, request, pk: int):
        data = AttendanceSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        signup = _found(
            services.signup_set_attendance, signup_id=pk, attended=data.validated_data["attended"], by=request.user
        )
        return Response(SignupSerializer(Signup.objects.select_related("resident").get(pk=signup.pk)).data)


class ResidentHistoryView(WorkshopView):
    """Every sign-up of a resident (no-shows included), for the leader deciding on a sign-up."""

    serializer_class = HistorySignupSerializer

    @extend_schema(responses=HistorySignupSerializer(many=True))
    def get(self, request, pk: int):
        get_object_or_404(Resident, pk=pk)
        page = self.paginate_queryset(selectors.resident_signup_history(resident_id=pk))
        return self.get_paginated_response(HistorySignupSerializer(page, many=True).data)


class FiguresView(WorkshopView):
    @extend_schema(
        parameters=[OpenApiParameter("month", str, required=True, description="YYYY-MM")],
        responses=FiguresSerializer,
    )
    def get(self, request):
        params = MonthSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        year, month = params.validated_data["month"]
        figures = selectors.monthly_workshop_figures(year=year, month=month)
        return Response(FiguresSerializer(figures).data)
