"""Reading the audit trail over HTTP (coordinators only)."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics

from config.selectors import FILTERS, audit_events
from config.serializers import AuditEventSerializer


class AuditEventList(generics.ListAPIView):
    """GET /api/v1/audit/?action=&object_type=&object_id=&actor= (newest first)."""

    serializer_class = AuditEventSerializer
    capabilities = "audit.read"

    def get_queryset(self):
        return audit_events(self.request.query_params)

    @extend_schema(parameters=[OpenApiParameter(name, str) for name in (*FILTERS, "actor")])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
