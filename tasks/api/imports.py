"""Thin DRF views of the imports API (docs/api.md#imports; docs/imports.md)."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from config.serializers import validated_input
from tasks.imports import import_upload
from tasks.models import ImportRun, ImportStatus
from tasks.serializers import ImportRunSerializer, ImportUploadSerializer

TAGS = ["imports"]


class ImportCreate(APIView):
    """Upload decisions and referrals: a dry run (200) shows what would happen, else they are applied (201).

    A file of more rows than the server checks at once is handed to the worker: 202 with the run,
    to be followed at ``GET /api/v1/imports/{id}/`` (``rows_done`` of ``rows_total``).
    """

    capabilities = "imports.run"
    parser_classes = [MultiPartParser]

    @extend_schema(
        tags=TAGS,
        request={"multipart/form-data": ImportUploadSerializer},
        responses={
            200: ImportRunSerializer,
            201: ImportRunSerializer,
            202: ImportRunSerializer,
            503: ImportRunSerializer,
        },
    )
    def post(self, request):
        upload = validated_input(ImportUploadSerializer, request.data)
        run = import_upload(by=request.user, upload=upload["file"], dry_run=upload["dry_run"])
        return Response(ImportRunSerializer(run).data, status=_status_of(run))


def _status_of(run: ImportRun) -> int:
    if run.status == ImportStatus.FAILED:  # nothing was changed; the run says to try again
        return status.HTTP_503_SERVICE_UNAVAILABLE
    if not run.is_finished:
        return status.HTTP_202_ACCEPTED
    return status.HTTP_200_OK if run.dry_run else status.HTTP_201_CREATED


class ImportDetail(APIView):
    """A run: its outcome once done, its progress while the worker runs it."""

    capabilities = "imports.run"

    @extend_schema(tags=TAGS, responses=ImportRunSerializer)
    def get(self, request, pk: int):
        return Response(ImportRunSerializer(get_object_or_404(ImportRun, pk=pk)).data)
