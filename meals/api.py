"""Thin DRF views of the meals API: validate, call one service or selector, serialise."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from config.schema import error_responses
from config.serializers import validated_input
from meals import exceptions, services
from meals.models import MealIssue
from meals.selectors.counter import checkin_state, residents_matching
from meals.selectors.day import day_overview, day_plan, day_summary, issues_on
from meals.selectors.offline import offline_pack
from meals.selectors.prices import meal_prices
from meals.serializers import (
    CheckinStateSerializer,
    CheckQuerySerializer,
    DateQuerySerializer,
    DayPlanSerializer,
    DaySerializer,
    DaySummarySerializer,
    IssueCreateSerializer,
    MealIssueSerializer,
    MealPriceSerializer,
    OfflinePackSerializer,
    SearchQuerySerializer,
    SearchResultSerializer,
    VoidSerializer,
)

TAGS = ["meals"]
DAY = OpenApiParameter("day", OpenApiTypes.DATE, OpenApiParameter.PATH, description="YYYY-MM-DD (Warsaw day)")


class MealIssueListCreate(generics.ListAPIView):
    """Issue a meal (POST) or list the issues of a day (GET ?date=D, default today)."""

    capabilities = "meals.issue"
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
            **error_responses(
                {
                    404: "unknown_resident",
                    403: "earlier_day_not_allowed: only coordinators record meals on an earlier day",
                    409: "already_issued, client_ref_reused",
                    422: "not_eligible",
                    503: "busy",
                }
            ),
        },
    )
    def post(self, request):
        data = validated_input(IssueCreateSerializer, request.data)
        result = services.meal_issue(
            by=request.user,
            resident_id=data.get("resident"),
            card=data.get("card"),
            takeaway=data["takeaway"],
            collected_by=data["collected_by"],
            client_ref=data["client_ref"],
            issued_at=data.get("issued_at"),
            source=data["source"],
        )
        code = status.HTTP_201_CREATED if result.created else status.HTTP_200_OK
        return Response(MealIssueSerializer(result.issue, context={"request": request}).data, status=code)


class MealIssueVoid(APIView):
    """Counter staff void their own issues of today, coordinators any (``may_void`` on each issue says which)."""

    capabilities = "meals.issue"

    @extend_schema(
        tags=TAGS,
        request=VoidSerializer,
        responses={
            200: MealIssueSerializer,
            **error_responses({403: "permission_denied: not one's own issue of today", 409: "already_voided"}),
        },
    )
    def post(self, request, pk: int):
        issue = get_object_or_404(MealIssue, pk=pk)
        data = validated_input(VoidSerializer, request.data)
        issue = services.meal_issue_void(issue=issue, by=request.user, reason=data["reason"])
        return Response(MealIssueSerializer(issue, context={"request": request}).data)


class MealDayDetail(APIView):
    """Everyone eligible that day plus anyone served, with diet and allergies."""

    capabilities = "meals.issue"

    @extend_schema(tags=TAGS, parameters=[DAY], responses=DaySerializer)
    def get(self, request, day):
        return Response(DaySerializer(day_overview(day=day), context={"request": request}).data)


class MealDaySummary(APIView):
    """Counts only: what the counter refreshes every few seconds."""

    capabilities = "meals.issue"

    @extend_schema(tags=TAGS, parameters=[DAY], responses=DaySummarySerializer)
    def get(self, request, day):
        return Response(DaySummarySerializer(day_summary(day=day)).data)


class MealTodaySummary(APIView):
    """Today's counts (the Warsaw day): a counter left open overnight notices the new day."""

    capabilities = "meals.issue"

    @extend_schema(tags=TAGS, responses=DaySummarySerializer)
    def get(self, request):
        return Response(DaySummarySerializer(day_summary(day=timezone.localdate())).data)


class MealDayPlan(APIView):
    """The coordinator's menu note and portions planned for a day."""

    capabilities = {"GET": "meals.issue", "*": "meals.plan"}

    @extend_schema(tags=TAGS, parameters=[DAY], responses=DayPlanSerializer)
    def get(self, request, day):
        return Response(DayPlanSerializer(day_plan(day=day)).data)

    @extend_schema(tags=TAGS, parameters=[DAY], request=DayPlanSerializer, responses=DayPlanSerializer)
    def put(self, request, day):
        data = validated_input(DayPlanSerializer, request.data)
        changes = {"menu": "", "portions_planned": None, "note": "", **data}
        return Response(DayPlanSerializer(services.meal_day_plan(day=day, by=request.user, **changes)).data)

    @extend_schema(tags=TAGS, parameters=[DAY], request=DayPlanSerializer, responses=DayPlanSerializer)
    def patch(self, request, day):
        data = validated_input(DayPlanSerializer, request.data)
        return Response(DayPlanSerializer(services.meal_day_plan(day=day, by=request.user, **data)).data)


class MealOfflinePack(APIView):
    """Everyone eligible today, for a counter to keep serving without the network (docs/counter.md).

    Personal data in bulk: never cached (``Cache-Control: no-store``, as every answer of the
    service) and recorded in the audit trail like every full list read.
    """

    capabilities = "meals.issue"

    @extend_schema(tags=TAGS, responses=OfflinePackSerializer)
    def get(self, request):
        pack = offline_pack(day=timezone.localdate())
        services.offline_pack_record(by=request.user, day=pack.date, residents=len(pack.residents))
        return Response(OfflinePackSerializer(pack).data)


class CheckinStateView(APIView):
    """What the counter shows for one resident today: may eat, already served, or not eligible and why."""

    capabilities = "meals.issue"

    @extend_schema(
        tags=TAGS,
        parameters=[CheckQuerySerializer],
        responses={200: CheckinStateSerializer, **error_responses({404: "unknown_resident"})},
    )
    def get(self, request):
        data = validated_input(CheckQuerySerializer, request.query_params)
        today = timezone.localdate()
        state = checkin_state(day=today, resident_id=data.get("resident"), card=data.get("card"))
        if state is None:
            raise exceptions.unknown_resident()
        return Response(CheckinStateSerializer(state, context={"request": request}).data)


class CounterSearch(generics.ListAPIView):
    """At most ten residents matching a name (Polish letters optional) or a card number."""

    capabilities = "meals.issue"
    serializer_class = SearchResultSerializer

    def get_queryset(self):
        data = validated_input(SearchQuerySerializer, self.request.query_params)
        return residents_matching(text=data["search"], day=timezone.localdate())

    @extend_schema(tags=TAGS, parameters=[SearchQuerySerializer])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class MealPriceListCreate(generics.ListAPIView):
    """The price of one meal, dated data: list them (newest first) or add one from a date (coordinators)."""

    capabilities = "meals.prices"
    serializer_class = MealPriceSerializer

    def get_queryset(self):
        return meal_prices()

    @extend_schema(tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(tags=TAGS, request=MealPriceSerializer, responses={201: MealPriceSerializer})
    def post(self, request):
        data = validated_input(MealPriceSerializer, request.data)
        meal_price = services.meal_price_create(by=request.user, **data)
        return Response(MealPriceSerializer(meal_price).data, status=status.HTTP_201_CREATED)
