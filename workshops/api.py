"""HTTP API of the workshops app (docs/api.md#workshops): thin views over services and selectors."""

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from beneficiaries.models import Resident
from config.schema import error_responses
from workshops import selectors, services
from workshops.models import Signup, WorkshopSession
from workshops.serializers import (
    AttendanceSerializer,
    CancelResultSerializer,
    DoorAdmissionSerializer,
    FiguresSerializer,
    HistorySignupSerializer,
    MarkedSerializer,
    MonthSerializer,
    SessionCancelResultSerializer,
    SessionFilterSerializer,
    SessionInputSerializer,
    SessionSerializer,
    SessionUpdateResultSerializer,
    SignupCreateSerializer,
    SignupSerializer,
)


def _session_with_counts(session_id: int) -> WorkshopSession:
    return get_object_or_404(selectors.sessions_with_counts(), pk=session_id)


class WorkshopView(generics.GenericAPIView):
    """Workshop leaders and coordinators manage workshops, every session; distribution staff get 403."""

    capabilities = "workshops.manage"


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

    @extend_schema(
        request=SessionInputSerializer,
        responses={201: SessionSerializer, **error_responses({403: "permission_denied: naming another leader"})},
    )
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
        request=SessionInputSerializer(partial=True),
        responses={
            200: SessionUpdateResultSerializer,
            **error_responses(
                {
                    403: "permission_denied: naming another leader",
                    422: "session_cancelled, capacity_below_confirmed, date_change_with_signups",
                }
            ),
        },
    )
    def patch(self, request, pk: int):
        get_object_or_404(WorkshopSession, pk=pk)
        data = SessionInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        _, promoted = services.session_update(session_id=pk, by=request.user, **data.validated_data)
        session = SessionSerializer(_session_with_counts(pk)).data
        return Response({"session": session, "promoted": [s.pk for s in promoted]})


class SessionCancelView(WorkshopView):
    @extend_schema(
        request=None,
        responses={
            200: SessionCancelResultSerializer,
            **error_responses({422: "session_cancelled, attendance_recorded"}),
        },
    )
    def post(self, request, pk: int):
        get_object_or_404(WorkshopSession, pk=pk)
        cancelled = services.session_cancel(session_id=pk, by=request.user)
        session = SessionSerializer(_session_with_counts(pk)).data
        return Response({"session": session, "cancelled_signups": [s.pk for s in cancelled]})


class SessionMarkAllPresentView(WorkshopView):
    @extend_schema(
        request=None,
        responses={200: MarkedSerializer, **error_responses({422: "session_cancelled, session_not_started"})},
    )
    def post(self, request, pk: int):
        get_object_or_404(WorkshopSession, pk=pk)
        marked = services.session_mark_all_present(session_id=pk, by=request.user)
        return Response({"marked": marked})


class SessionAdmitAtDoorView(WorkshopView):
    """POST -> 200 {"admitted": id, "absent": id}: the first waiting takes an absentee's place and is
    marked present (from the start until WORKSHOP_DOOR_MINUTES after; docs/api.md#workshops)."""

    @extend_schema(
        request=None,
        responses={
            200: DoorAdmissionSerializer,
            **error_responses({409: "no_absent_place, nobody_waiting", 422: "door_closed"}),
        },
    )
    def post(self, request, pk: int):
        get_object_or_404(WorkshopSession, pk=pk)
        admitted, absent = services.signup_admit_at_door(session_id=pk, by=request.user)
        return Response({"admitted": admitted.pk, "absent": absent.pk})


class SessionSignupsView(WorkshopView):
    serializer_class = SignupSerializer

    @extend_schema(responses=SignupSerializer(many=True))
    def get(self, request, pk: int):
        get_object_or_404(WorkshopSession, pk=pk)
        page = self.paginate_queryset(selectors.session_signups(session_id=pk))
        return self.get_paginated_response(SignupSerializer(page, many=True).data)

    @extend_schema(
        request=SignupCreateSerializer,
        responses={
            201: SignupSerializer,
            **error_responses(
                {
                    404: "not_found (the session), unknown_resident",
                    409: "already_signed_up",
                    422: "not_eligible, session_closed",
                }
            ),
        },
    )
    def post(self, request, pk: int):
        data = SignupCreateSerializer(data=request.data)
        if not data.is_valid():
            get_object_or_404(WorkshopSession, pk=pk)  # a missing session answers 404 whatever the body
            raise ValidationError(data.errors)
        # The resident comes in the body: an unknown one is the service's own refusal, not a URL's 404.
        signup = services.signup_create(session_id=pk, resident_id=data.validated_data["resident"], by=request.user)
        return Response(SignupSerializer(signup).data, status=status.HTTP_201_CREATED)


class SignupDetailView(WorkshopView):
    serializer_class = SignupSerializer

    def get(self, request, pk: int):
        return Response(SignupSerializer(get_object_or_404(Signup.objects.select_related("resident"), pk=pk)).data)


class SignupCancelView(WorkshopView):
    @extend_schema(
        request=None,
        responses={200: CancelResultSerializer, **error_responses({409: "already_cancelled", 422: "session_closed"})},
    )
    def post(self, request, pk: int):
        get_object_or_404(Signup, pk=pk)
        signup, promoted = services.signup_cancel(signup_id=pk, by=request.user)
        return Response({"id": signup.pk, "status": signup.status, "promoted": promoted.pk if promoted else None})


class SignupAttendanceView(WorkshopView):
    @extend_schema(
        request=AttendanceSerializer,
        responses={200: SignupSerializer, **error_responses({422: "not_confirmed, session_not_started"})},
    )
    def post(self, request, pk: int):
        get_object_or_404(Signup, pk=pk)
        data = AttendanceSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        signup = services.signup_set_attendance(signup_id=pk, attended=data.validated_data["attended"], by=request.user)
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
        month = params.validated_data["month"]
        figures = selectors.monthly_workshop_figures(year=month.year, month=month.month)
        return Response(FiguresSerializer(figures).data)
