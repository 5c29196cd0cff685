"""HTTP API of the reference data coordinators keep: street register and closure days.

Extras beyond docs/api.md (allowed by it): all staff read, coordinators write.
"""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from beneficiaries import serializers as s
from beneficiaries.api.common import STAFF_READ_COORDINATOR_WRITE
from beneficiaries.models import ClosureDay, Street
from beneficiaries.services.reference import closure_day_save, reference_delete, street_save
from beneficiaries.streets import street_district
from config.serializers import validated_input

STREETS, CLOSURES = "street register", "closure days"


class StreetListApi(GenericAPIView):
    """The street register (all roles read, coordinators add)."""

    capabilities = STAFF_READ_COORDINATOR_WRITE
    serializer_class = s.StreetSerializer

    @extend_schema(tags=[STREETS], responses=s.StreetSerializer(many=True))
    def get(self, request):
        page = self.paginate_queryset(Street.objects.order_by("name", "id"))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(tags=[STREETS], request=s.StreetSerializer, responses={201: s.StreetSerializer})
    def post(self, request):
        street = street_save(by=request.user, **validated_input(s.StreetSerializer, request.data))
        return Response(self.get_serializer(street).data, status=status.HTTP_201_CREATED)


class StreetDetailApi(GenericAPIView):
    """One street of the register (coordinators correct or remove it)."""

    capabilities = STAFF_READ_COORDINATOR_WRITE
    serializer_class = s.StreetSerializer

    @extend_schema(tags=[STREETS])
    def get(self, request, pk: int):
        return Response(self.get_serializer(get_object_or_404(Street, pk=pk)).data)

    @extend_schema(tags=[STREETS], request=s.StreetSerializer)
    def patch(self, request, pk: int):
        street = get_object_or_404(Street, pk=pk)
        serializer = s.StreetSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        fields = {"name": street.name, "district": street.district, **serializer.validated_data}
        return Response(self.get_serializer(street_save(by=request.user, street=street, **fields)).data)

    @extend_schema(tags=[STREETS], responses={204: None})
    def delete(self, request, pk: int):
        reference_delete(obj=get_object_or_404(Street, pk=pk), by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class StreetDistrictApi(GenericAPIView):
    """The district the register gives a typed street name (null when unknown or ambiguous)."""

    capabilities = STAFF_READ_COORDINATOR_WRITE
    serializer_class = s.StreetDistrictSerializer

    @extend_schema(tags=[STREETS], parameters=[s.StreetLookupSerializer])
    def get(self, request):
        street = validated_input(s.StreetLookupSerializer, request.query_params)["street"]
        return Response(self.get_serializer({"street": street, "district": street_district(street)}).data)


class ClosureDayListApi(GenericAPIView):
    """Days the meal point is closed besides weekends and public holidays (`?from=&to=`)."""

    capabilities = STAFF_READ_COORDINATOR_WRITE
    serializer_class = s.ClosureDaySerializer

    @extend_schema(
        tags=[CLOSURES], parameters=[s.ClosureDayQuerySerializer], responses=s.ClosureDaySerializer(many=True)
    )
    def get(self, request):
        query = validated_input(s.ClosureDayQuerySerializer, request.query_params)
        days = ClosureDay.objects.order_by("date")
        if query.get("from"):
            days = days.filter(date__gte=query["from"])
        if query.get("to"):
            days = days.filter(date__lte=query["to"])
        page = self.paginate_queryset(days)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(tags=[CLOSURES], request=s.ClosureDaySerializer, responses={201: s.ClosureDaySerializer})
    def post(self, request):
        day = closure_day_save(by=request.user, **validated_input(s.ClosureDaySerializer, request.data))
        return Response(self.get_serializer(day).data, status=status.HTTP_201_CREATED)


class ClosureDayDetailApi(GenericAPIView):
    """One closure day (coordinators change or remove it)."""

    capabilities = STAFF_READ_COORDINATOR_WRITE
    serializer_class = s.ClosureDaySerializer

    @extend_schema(tags=[CLOSURES])
    def get(self, request, pk: int):
        return Response(self.get_serializer(get_object_or_404(ClosureDay, pk=pk)).data)

    @extend_schema(tags=[CLOSURES], request=s.ClosureDaySerializer)
    def patch(self, request, pk: int):
        day = get_object_or_404(ClosureDay, pk=pk)
        serializer = s.ClosureDaySerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        fields = {"date": day.date, "reason": day.reason, **serializer.validated_data}
        return Response(self.get_serializer(closure_day_save(by=request.user, closure_day=day, **fields)).data)

    @extend_schema(tags=[CLOSURES], responses={204: None})
    def delete(self, request, pk: int):
        reference_delete(obj=get_object_or_404(ClosureDay, pk=pk), by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
