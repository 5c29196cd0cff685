"""Thin DRF views of the meals API: validate, call one service or selector, serialise."""

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from config.permissions import IsCoordinator, IsDistributionOrCoordinator
from meals import services
from meals.selectors.counter import checkin_state, residents_matching
from meals.selectors.day import day_overview, day_plan, day_summary, issues_on
from meals.serializers import (
    AlreadyIssuedSerializer,
    CheckinStateSerializer,
    CheckQuerySerializer,
    DateQuerySerializer,
    DayPlanSerializer,
    DaySerializer,
    DaySummarySerializer,
    IssueCreateSerializer,
    MealIssueSerializer,
    NotEligibleSerializer,
    RefusalSerializer,
    SearchQuerySerializer,
    SearchResultSerializer,
    VoidSerializer,
    issue_data,
)

TAGS = ["meals"]
DAY = OpenApiParameter("day", OpenApiTypes.DATE, OpenApiParameter.PATH, description="YYYY-MM-DD (Warsaw day)")
REFUSAL = OpenApiResponse(RefusalSerializer)


class MealIssueListCreate(generics.ListAPIView):
    """Issue a meal (POST) or list the issues of a day (GET ?date=D, default today)."""

    permission_classes = [IsDistributionOrCoordinator]
    serializer_class = MealIssueSerializer

    def get_queryset(self):
        query = DateQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        return issues_on(day=query.day())

    @extend_schema(tags=TAGS, parameters=[OpenApiParameter("date", OpenApiTypes.DATE)])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=TAGS,
        request=IssueCreateSerializer,
        responses={
            201: MealIssueSerializer,
            200: OpenApiResponse(MealIssueSerializer, description="The same client_ref again: the first issue."),
            404: OpenApiResponse(RefusalSerializer, description="unknown_resident"),
            409: OpenApiResponse(AlreadyIssuedSerializer, description="already_issued (or client_ref_reused)"),
            422: OpenApiResponse(NotEligibleSerializer, description="not_eligible"),
        },
    )
    def post(self, request):
        data = _valid(IssueCreateSerializer, request.data)
        result = services.meal_issue(
            by=request.user,
            resident_id=data.get("resident"),
            card=data.get("card"),
            takeaway=data["takeaway"],
            collected_by=data["collected_by"],
            client_ref=data["client_ref"],
        )
        code = status.HTTP_201_CREATED if result.created else status.HTTP_200_OK
        return Response(issue_data(result.issue), status=code)


class MealIssueVoid(APIView):
    permission_classes = [IsDistributionOrCoordinator]

    @extend_schema(
        tags=TAGS,
        request=VoidSerializer,
        responses={200: MealIssueSerializer, 403: REFUSAL, 404: REFUSAL, 409: OpenApiResponse(RefusalSerializer)},
    )
    def post(self, request, pk: int):
        data = _valid(VoidSerializer, request.data)
        issue = services.meal_issue_void(issue_id=pk, by=request.user, reason=data["reason"])
        return Response(MealIssueSerializer(issue).data)


class MealDayDetail(APIView):
    """Everyone eligible that day plus anyone served, with diet and allergies."""

    permission_classes = [IsDistributionOrCoordinator]

    @extend_schema(tags=TAGS, parameters=[DAY], responses=DaySerializer)
    def get(self, request, day):
        return Response(DaySerializer(day_overview(day=day)).data)


class MealDaySummary(APIView):
    """Counts only: what the counter refreshes every few seconds."""

    permission_classes = [IsDistributionOrCoordinator]

    @extend_schema(tags=TAGS, parameters=[DAY], responses=DaySummarySerializer)
    def get(self, request, day):
        return Response(DaySummarySerializer(day_summary(day=day)).data)


class MealTodaySummary(APIView):
    """Today's counts (the Warsaw day): a counter left open overnight notices the new day."""

    permission_classes = [IsDistributionOrCoordinator]

    @extend_schema(tags=TAGS, responses=DaySummarySerializer)
    def get(self, request):
        return Response(DaySummarySerializer(day_summary(day=timezone.localdate())).data)


class MealDayPlan(APIView):
    """The coordinator's menu note and portions planned for a day."""

    def get_permissions(self):
        reading = self.request.method in ("GET", "HEAD", "OPTIONS")
        return [IsDistributionOrCoordinator()] if reading else [IsCoordinator()]

    @extend_schema(tags=TAGS, parameters=[DAY], responses=DayPlanSerializer)
    def get(self, request, day):
        return Response(DayPlanSerializer(day_plan(day=day)).data)

    @extend_schema(tags=TAGS, parameters=[DAY], request=DayPlanSerializer, responses=DayPlanSerializer)
    def put(self, request, day):
        data = _valid(DayPlanSerializer, request.data)
        changes = {"menu": "", "portions_planned": None, "note": "", **data}
        return Response(DayPlanSerializer(services.meal_day_plan(day=day, by=request.user, **changes)).data)

    @extend_schema(tags=TAGS, parameters=[DAY], request=DayPlanSerializer, responses=DayPlanSerializer)
    def patch(self, request, day):
        data = _valid(DayPlanSerializer, request.data)
        return Response(DayPlanSerializer(services.meal_day_plan(day=day, by=request.user, **data)).data)


class CheckinStateView(APIView):
    """What the counter shows for one resident today: may eat, already served, or not eligible and why."""

    permission_classes = [IsDistributionOrCoordinator]

    @extend_schema(
        tags=TAGS,
        parameters=[CheckQuerySerializer],
        responses={
            200: CheckinStateSerializer,
            404: OpenApiResponse(RefusalSerializer, description="unknown_resident"),
        },
    )
    def get(self, request):
        data = _valid(CheckQuerySerializer, request.query_params)
        today = timezone.localdate()
        state = checkin_state(day=today, resident_id=data.get("resident"), card=data.get("card"))
        if state is None:
            raise services.MealError("unknown_resident", services.UNKNOWN_RESIDENT, status_code=404)
        return Response(CheckinStateSerializer(state).data)


class CounterSearch(generics.ListAPIView):
    """At most ten residents matching a name (Polish letters optional) or a card number."""

    permission_classes = [IsDistributionOrCoordinator]
    serializer_class = SearchResultSerializer

    def get_queryset(self):
        data = _valid(SearchQuerySerializer, self.request.query_params)
        return residents_matching(text=data["search"], day=timezone.localdate())

    @extend_schema(tags=TAGS, parameters=[SearchQuerySerializer])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


def _valid(serializer_class, data) -> dict:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data
