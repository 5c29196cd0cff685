"""HTTP API of the workshops app (API.md "Workshops"): thin views over services and selectors."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from beneficiaries.models import Resident
from config.exceptions import DomainError
from config.permissions import IsWorkshopOrCoordinator
from workshops import selectors, services
from workshops.models import Signup, WorkshopSession
from workshops.serializers import (
    REFUSALS,
    AttendanceSerializer,
    CancelResultSerializer,
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
