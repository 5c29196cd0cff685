"""Reading the audit trail (coordinators only): API and staff page."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.shortcuts import render
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers

from config.models import AuditEvent
from config.permissions import IsCoordinator
from config.roles import Role, has_role

FILTERS = ("action", "object_type", "object_id")


class AuditEventSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor.username", default=None, read_only=True)

    class Meta:
        model = AuditEvent
        fields = ["id", "at", "actor", "action", "object_type", "object_id", "before", "after"]


def audit_events(params) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.select_related("actor")
    for name in FILTERS:
        value = (params.get(name) or "").strip()[:64]
        if value:
            events = events.filter(**{name: value})
    actor = (params.get("actor") or "").strip()[:150]
    if actor:
        events = events.filter(actor__username=actor)
    # No stored value holds a NUL byte, and PostgreSQL refuses one in a query: nothing matches.
    if any("\x00" in (params.get(name) or "") for name in (*FILTERS, "actor")):
        return events.none()
    return events


class AuditEventList(generics.ListAPIView):
    """GET /api/v1/audit/?action=&object_type=&object_id=&actor= (newest first)."""

    serializer_class = AuditEventSerializer
    permission_classes = [IsCoordinator]

    def get_queryset(self):
        return audit_events(self.request.query_params)

    @extend_schema(parameters=[OpenApiParameter(name, str) for name in (*FILTERS, "actor")])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


@login_required
def audit_page(request):
    if not has_role(request.user, Role.COORDINATOR):
        raise PermissionDenied
    page = Paginator(audit_events(request.GET), 100).get_page(request.GET.get("page"))
    return render(
        request,
        "config/audit.html",
        {"page": page, "filters": {k: request.GET.get(k, "") for k in (*FILTERS, "actor")}},
    )
