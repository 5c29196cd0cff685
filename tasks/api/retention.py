"""Right of access and erasure over HTTP (coordinators): export one person's data, anonymise them."""

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from beneficiaries import serializers as s
from beneficiaries.models import Resident
from beneficiaries.selectors import residents_with_entitlements
from config.schema import error_responses
from config.serializers import validated_input
from tasks.retention import data_subject_anonymise, data_subject_export
from tasks.serializers import AnonymiseInputSerializer

TAG = "residents"


class ResidentExportApi(GenericAPIView):
    """Everything held about one person (RODO art. 15), as a JSON file to hand over; each export is recorded."""

    capabilities = "residents.data_subject"

    @extend_schema(tags=[TAG], responses={200: OpenApiResponse(OpenApiTypes.OBJECT, description="the export")})
    def get(self, request, pk: int):
        resident = get_object_or_404(Resident, pk=pk)
        response = Response(data_subject_export(resident=resident, by=request.user))
        name = f"dane-osoby-{resident.card_number or resident.pk}.json"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class ResidentAnonymiseApi(GenericAPIView):
    """Anonymise one person on request (RODO art. 17) with `{"confirm": true}`.

    Refused with 409 `entitlement_running` while an entitlement is current or starts later;
    a second time is 409 `already_anonymised`.
    """

    capabilities = "residents.data_subject"
    serializer_class = s.ResidentDetailSerializer

    @extend_schema(
        tags=[TAG],
        request=AnonymiseInputSerializer,
        responses={
            200: s.ResidentDetailSerializer,
            **error_responses({409: "entitlement_running, already_anonymised"}),
        },
    )
    def post(self, request, pk: int):
        resident = get_object_or_404(Resident, pk=pk)
        validated_input(AnonymiseInputSerializer, request.data)
        data_subject_anonymise(resident=resident, by=request.user)
        return Response(self.get_serializer(residents_with_entitlements().get(pk=pk)).data)
