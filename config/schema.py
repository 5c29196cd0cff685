"""The OpenAPI schema describes every error the API answers with, in the one envelope (config.serializers).

A view documents the refusals its services raise with :func:`error_responses`; the errors every
protected operation shares (401, 403, and 404 where the URL names a row) are added here, so no
view repeats them.
"""

from drf_spectacular import openapi
from drf_spectacular.utils import OpenApiResponse

from config.permissions import HasCapability
from config.serializers import ErrorSerializer

SHARED_ERRORS = {
    "401": "not_authenticated: no credentials, or they are no longer valid",
    "403": "permission_denied: the role may not do this",
    "404": "not_found: the URL names a row that is not there",
}


def error_responses(descriptions: dict[int, str]) -> dict[int, OpenApiResponse]:
    """``{409: "already_issued, client_ref_reused"}`` -> the error envelope documented for each status."""
    return {status: OpenApiResponse(ErrorSerializer, description=codes) for status, codes in descriptions.items()}


class AutoSchema(openapi.AutoSchema):
    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        responses = operation.setdefault("responses", {})
        for status in self._shared_errors(path):
            responses.setdefault(status, self._error_response(SHARED_ERRORS[status]))
        return operation

    def _shared_errors(self, path: str) -> list[str]:
        if not any(isinstance(permission, HasCapability) for permission in self.view.get_permissions()):
            return []
        return ["401", "403", "404"] if "{" in path else ["401", "403"]

    def _error_response(self, description: str) -> dict:
        component = self.resolve_serializer(ErrorSerializer, "response")
        return {"content": {"application/json": {"schema": component.ref}}, "description": description}
