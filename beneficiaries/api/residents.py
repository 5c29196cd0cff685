"""HTTP API of residents (docs/api.md): search, register, edit, the duplicate check and the card."""

import json

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response

from beneficiaries import serializers as s
from beneficiaries.api.common import STAFF_READ_COORDINATOR_WRITE
from beneficiaries.models import Resident
from beneficiaries.selectors import resident_possible_duplicates, resident_search, residents_with_entitlements
from beneficiaries.services.residents import (
    resident_cards_print,
    resident_create,
    resident_update,
    residents_page_read,
)
from config.schema import error_responses
from config.serializers import validated_input

TAG = "residents"


class ResidentListApi(GenericAPIView):
    """Search residents (all roles) or register one (coordinators).

    `?search=` matches names in either order, a card number and the start of a PESEL. A page
    past the first (or of more than 50 rows) is a bulk read, recorded in the audit trail.
    """

    capabilities = STAFF_READ_COORDINATOR_WRITE
    serializer_class = s.ResidentSerializer

    @extend_schema(tags=[TAG], parameters=[s.ResidentSearchSerializer], responses=s.ResidentSerializer(many=True))
    def get(self, request):
        query = validated_input(s.ResidentSearchSerializer, request.query_params)
        page = self.paginate_queryset(resident_search(text=query.get("search")))
        residents_page_read(
            by=request.user, page_number=self.paginator.page.number, rows=len(page), search=query.get("search", "")
        )
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(tags=[TAG], request=s.ResidentInputSerializer, responses={201: s.ResidentCreatedSerializer})
    def post(self, request):
        fields = validated_input(s.ResidentInputSerializer, request.data)
        resident, duplicates = resident_create(by=request.user, **fields)
        resident.possible_duplicates = duplicates
        data = s.ResidentCreatedSerializer(resident, context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_201_CREATED)


class ResidentDetailApi(GenericAPIView):
    """One resident with the entitlements.

    PATCH (coordinators) takes an optional `version`; a stale one is 409 `edit_conflict`.
    """

    capabilities = STAFF_READ_COORDINATOR_WRITE
    serializer_class = s.ResidentDetailSerializer

    @extend_schema(tags=[TAG], responses=s.ResidentDetailSerializer)
    def get(self, request, pk: int):
        return Response(self.get_serializer(get_object_or_404(residents_with_entitlements(), pk=pk)).data)

    @extend_schema(
        tags=[TAG],
        request=s.ResidentPatchSerializer,
        responses={200: s.ResidentDetailSerializer, **error_responses({409: "edit_conflict"})},
    )
    def patch(self, request, pk: int):
        resident = get_object_or_404(Resident, pk=pk)
        serializer = s.ResidentPatchSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        resident_update(resident=resident, by=request.user, version=fields.pop("version", None), **fields)
        return Response(self.get_serializer(residents_with_entitlements().get(pk=pk)).data)


class ResidentDuplicatesApi(GenericAPIView):
    """Who a person about to be registered may already be (the check before saving)."""

    capabilities = "residents.write"
    serializer_class = s.PossibleDuplicateSerializer

    @extend_schema(
        tags=[TAG],
        parameters=[s.DuplicateQuerySerializer],
        responses=inline_serializer(
            "PossibleDuplicates", {"possible_duplicates": s.PossibleDuplicateSerializer(many=True)}
        ),
    )
    def get(self, request):
        query = dict(validated_input(s.DuplicateQuerySerializer, request.query_params))
        exclude_id = query.pop("exclude", None)
        duplicates = resident_possible_duplicates(exclude_id=exclude_id, **query)
        return Response({"possible_duplicates": self.get_serializer(duplicates, many=True).data})


class PdfRenderer(BaseRenderer):
    media_type = "application/pdf"
    format = "pdf"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, bytes):
            return data
        # An error (403, 404) to a client that asked for a PDF is still answered in JSON.
        response = (renderer_context or {}).get("response")
        if response is not None:
            response["Content-Type"] = "application/json"
        return json.dumps(data).encode()


class ResidentCardApi(GenericAPIView):
    """The resident's printable card (PDF), for coordinators; never shows the PESEL."""

    capabilities = "residents.write"
    renderer_classes = [JSONRenderer, PdfRenderer]

    @extend_schema(tags=[TAG], responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    def get(self, request, pk: int):
        resident = get_object_or_404(residents_with_entitlements(), pk=pk)
        pdf = resident_cards_print(residents=[resident], by=request.user)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="karta-{resident.card_number}.pdf"'
        return response
