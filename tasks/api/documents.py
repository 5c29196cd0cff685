"""Thin DRF views of the documents API (docs/api.md#documents)."""

from django.http import FileResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from config.schema import error_responses
from config.serializers import validated_input
from tasks import exceptions, selectors, services
from tasks.models import Document, DocumentStatus
from tasks.producers import download_name
from tasks.serializers import (
    DocumentCreatedSerializer,
    DocumentFilterSerializer,
    DocumentRequestSerializer,
    DocumentSerializer,
)

TAGS = ["documents"]


def _document(user, pk: int) -> Document:
    """A document of a kind ``user`` may print; another kind is as unknown to them as a missing one (404)."""
    return get_object_or_404(selectors.documents_for(user), pk=pk)


class DocumentListCreate(generics.GenericAPIView):
    """Request a document (POST; the work runs in a Celery worker) or list them (GET ?kind=K&date=D).

    Who may print which kind is the service's rule (``documents.request:<kind>``): a kind the
    role may not print is a 403, an unknown kind a 400.
    """

    capabilities = "documents.read"
    serializer_class = DocumentSerializer

    @extend_schema(tags=TAGS, parameters=[DocumentFilterSerializer], responses=DocumentSerializer(many=True))
    def get(self, request):
        query = validated_input(DocumentFilterSerializer, request.query_params)
        documents = selectors.documents_filtered(
            selectors.documents_for(request.user),
            kind=query.get("kind"),
            day=query.get("date"),
            created_on=query.get("created"),
        )
        page = self.paginate_queryset(documents)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(
        tags=TAGS,
        request=DocumentRequestSerializer,
        responses={
            202: DocumentCreatedSerializer,
            **error_responses({403: "permission_denied: a kind the role may not print"}),
        },
    )
    def post(self, request):
        asked = validated_input(DocumentRequestSerializer, request.data)
        requested = services.document_request(**asked, by=request.user)
        context = {"request": request, "queued": requested.queued}
        body = DocumentCreatedSerializer(requested.document, context=context).data
        return Response(body, status=status.HTTP_202_ACCEPTED)


class DocumentDetail(APIView):
    capabilities = "documents.read"

    @extend_schema(tags=TAGS, responses=DocumentSerializer)
    def get(self, request, pk: int):
        return Response(DocumentSerializer(_document(request.user, pk), context={"request": request}).data)


class DocumentFile(APIView):
    """The PDF once ready, as an attachment; files are personal data, served only here."""

    capabilities = "documents.read"
    field, extension, content_type = "file", "pdf", "application/pdf"

    def perform_content_negotiation(self, request, force=False):
        # A client asking for application/pdf still gets JSON errors, never a 406.
        return super().perform_content_negotiation(request, force=True)

    @extend_schema(
        tags=TAGS,
        responses={
            (200, "application/pdf"): OpenApiTypes.BINARY,
            **error_responses({404: "not_found, file_missing", 409: "not_ready"}),
        },
    )
    def get(self, request, pk: int):
        document = _document(request.user, pk)
        stored = getattr(document, self.field)
        if document.status != DocumentStatus.READY:
            raise exceptions.not_ready(document.status)
        if not stored:
            raise exceptions.no_such_file()
        try:
            handle = stored.open("rb")
        except FileNotFoundError:
            raise exceptions.file_missing()
        services.document_download_record(document=document, by=request.user, file_format=self.extension)
        name = download_name(document, self.extension)
        return FileResponse(handle, as_attachment=True, filename=name, content_type=self.content_type)


class DocumentCsvFile(DocumentFile):
    """The kinds with a table (monthly_meals, meal_settlement, fead_report) as CSV (tasks/rendering/spreadsheet.py)."""

    field, extension, content_type = "csv_file", "csv", "text/csv; charset=utf-8"

    @extend_schema(
        tags=TAGS,
        responses={
            (200, "text/csv"): OpenApiTypes.BINARY,
            **error_responses({404: "not_found (also: a kind without a table), file_missing", 409: "not_ready"}),
        },
    )
    def get(self, request, pk: int):
        return super().get(request, pk)
