"""The base's API: token login and logout, the documentation page, reading the audit trail."""

from django.http import HttpResponse
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import generics, status
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.exceptions import Throttled, ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from config.login import login_throttled
from config.selectors import FILTERS, audit_events
from config.serializers import AuditEventSerializer, ErrorSerializer, TokenSerializer
from config.throttling import retry_after
from config.tokens import token_create


class TokenLoginView(generics.GenericAPIView):
    """POST {"username", "password"} -> {"token", "expiry"}: a new token at every login.

    Failed attempts are limited like every login surface (config/login.py): past the limit, 429.
    """

    authentication_classes = []
    permission_classes = [AllowAny]
    # Form bodies too, as the login endpoint has always taken (curl -d, scripts of the office).
    parser_classes = [*api_settings.DEFAULT_PARSER_CLASSES, FormParser, MultiPartParser]
    serializer_class = AuthTokenSerializer

    @extend_schema(responses={200: TokenSerializer, 429: ErrorSerializer})  # 400: the common shape (config.schema)
    def post(self, request):
        serializer = self.get_serializer(data=request.data)
        try:
            serializer.is_valid(raise_exception=True)
        except ValidationError:
            if login_throttled(request):
                raise Throttled(wait=retry_after()) from None
            raise
        token = token_create(user=serializer.validated_data["user"], request=request)
        return Response(TokenSerializer(token).data)


class TokenLogoutView(APIView):
    """POST with a token -> 204; that token answers 401 from then on (docs/api.md#auth)."""

    permission_classes = [IsAuthenticated]  # whoever holds a token may end it, whatever their role

    @extend_schema(
        request=None,
        responses={
            204: OpenApiResponse(description="The token is revoked."),
            401: OpenApiResponse(ErrorSerializer, description="No valid token (already logged out)."),
        },
    )
    def post(self, request):
        if request.auth is not None:  # a session has no token to revoke
            request.auth.delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


class ApiDocsView(SpectacularSwaggerSplitView):
    """The API's documentation page, its script served as a file (the CSP allows no inline script).

    OPTIONS answers with the methods (the page's only renderer is a template).
    """

    def options(self, request, *args, **kwargs):
        return HttpResponse(headers={"Allow": ", ".join(self.allowed_methods)})


class AuditEventList(generics.ListAPIView):
    """GET /api/v1/audit/?action=&object_type=&object_id=&actor= (newest first)."""

    serializer_class = AuditEventSerializer
    capabilities = "audit.read"

    def get_queryset(self):
        return audit_events(self.request.query_params)

    @extend_schema(parameters=[OpenApiParameter(name, str) for name in (*FILTERS, "actor")])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
