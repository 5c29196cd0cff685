"""HTTP API of a resident's entitlements and eligibility (docs/api.md); thin views over services."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from beneficiaries import serializers as s
from beneficiaries.api.common import STAFF_READ_COORDINATOR_WRITE
from beneficiaries.eligibility import check_eligibility
from beneficiaries.models import Entitlement, Resident
from beneficiaries.services.entitlements import entitlement_create, entitlement_resume, entitlement_suspend
from config.serializers import validated_input

TAG = "residents"


class ResidentEntitlementsApi(GenericAPIView):
    """A resident's entitlements (all roles); POST records a decision or referral (coordinators)."""

    capabilities = STAFF_READ_COORDINATOR_WRITE
    serializer_class = s.EntitlementSerializer

    @extend_schema(tags=[TAG], responses=s.EntitlementSerializer(many=True))
    def get(self, request, pk: int):
        resident = get_object_or_404(Resident, pk=pk)
        page = self.paginate_queryset(resident.entitlements.order_by("-valid_from", "-id"))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(tags=[TAG], request=s.EntitlementInputSerializer, responses={201: s.EntitlementSerializer})
    def post(self, request, pk: int):
        resident = get_object_or_404(Resident, pk=pk)
        fields = validated_input(s.EntitlementInputSerializer, request.data)
        entitlement = entitlement_create(resident=resident, by=request.user, **fields)
        return Response(self.get_serializer(entitlement).data, status=status.HTTP_201_CREATED)


class _EntitlementStatusApi(GenericAPIView):
    """Suspend or resume an entitlement (coordinators); repeating it changes nothing."""

    capabilities = "residents.write"
    serializer_class = s.EntitlementSerializer
    service = None

    @extend_schema(tags=[TAG], request=None, responses=s.EntitlementSerializer)
    def post(self, request, pk: int):
        entitlement = get_object_or_404(Entitlement, pk=pk)
        entitlement = type(self).service(entitlement=entitlement, by=request.user)
        return Response(self.get_serializer(entitlement).data)


class EntitlementSuspendApi(_EntitlementStatusApi):
    service = entitlement_suspend


class EntitlementResumeApi(_EntitlementStatusApi):
    service = entitlement_resume


class ResidentEligibilityApi(GenericAPIView):
    """May the resident receive the programme on the date (default today, Europe/Warsaw)? Every reason when not."""

    capabilities = "residents.read"
    serializer_class = s.EligibilitySerializer

    @extend_schema(tags=[TAG], parameters=[s.EligibilityQuerySerializer], responses=s.EligibilitySerializer)
    def get(self, request, pk: int):
        resident = get_object_or_404(Resident, pk=pk)
        query = validated_input(s.EligibilityQuerySerializer, request.query_params)
        day = query.get("date") or timezone.localdate()
        result = check_eligibility(resident=resident, program=query["program"], day=day)
        body = {
            "eligible": result.eligible,
            "reasons": result.reasons,
            "program": query["program"],
            "date": day,
            "entitlement": result.entitlement.pk if result.entitlement else None,
        }
        return Response(self.get_serializer(body).data)
