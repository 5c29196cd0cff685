"""The OpenAPI schema describes every error the API answers with, in the one envelope (config.serializers).

A view documents the refusals its services raise with :func:`error_responses`; the errors every
operation shares are added here, so no view repeats them: 400 wherever there is input (query
parameters or a body), 401 and 403 where a capability is needed, 404 where the URL names a row
or a list is paged (a page past the last). A serializer whose input needs exactly one of some
fields says so with ``one_of_required`` (a tuple of names) and the schema says it too.
"""

from drf_spectacular import openapi
from drf_spectacular.contrib.knox_auth_token import KnoxTokenScheme
from drf_spectacular.utils import OpenApiResponse
from rest_framework.permissions import IsAuthenticated

from config.permissions import HasCapability
from config.serializers import ErrorSerializer

SHARED_ERRORS = {
    "400": "invalid: the parameters or the body are refused, {field: [messages]} (or code and detail)",
    "401": "not_authenticated: no credentials, or they are no longer valid",
    "403": "permission_denied: the role may not do this",
    "404": "not_found: the URL names a row that is not there, or the page is past the last",
    "429": "throttled: too many failed attempts, try again later",
}
PAGINATION_PARAMETERS = {"page", "page_size"}
# A refused request: DRF's {"field": [messages]} or, when the body cannot be parsed, {"code", "detail"}.
VALIDATION_ERROR = {"type": "object", "additionalProperties": {}}


def error_responses(descriptions: dict[int, str]) -> dict[int, OpenApiResponse]:
    """``{409: "already_issued, client_ref_reused"}`` -> the error envelope documented for each status."""
    return {status: OpenApiResponse(ErrorSerializer, description=codes) for status, codes in descriptions.items()}


class TokenScheme(KnoxTokenScheme):
    """The API's token check (knox's, read in one query) is described as knox's own."""

    target_class = "config.tokens.TokenAuthentication"


class AutoSchema(openapi.AutoSchema):
    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        self._empty_means_absent(operation)
        responses = operation.setdefault("responses", {})
        for status in self._shared_errors(path, operation):
            responses.setdefault(status, self._error_response(status))
        if "400" in responses:  # whatever a view says of it, a 400 may be either shape
            responses["400"]["content"] = {"application/json": {"schema": VALIDATION_ERROR}}
        return operation

    def _shared_errors(self, path: str, operation: dict) -> list[str]:
        query = {parameter["name"] for parameter in operation.get("parameters", []) if parameter["in"] == "query"}
        shared = ["400"] if query or "requestBody" in operation else []
        permissions = self.view.get_permissions()
        if any(isinstance(permission, HasCapability) for permission in permissions):
            shared += ["401", "403"]
        elif any(isinstance(permission, IsAuthenticated) for permission in permissions):
            shared.append("401")
        if "{" in path or "page" in query:
            shared.append("404")
        if getattr(self.view, "throttle_scope", None):
            shared.append("429")
        return shared

    def _empty_means_absent(self, operation: dict) -> None:
        """An optional query parameter given empty (``?from=``, as a form sends it) counts as not given."""
        for parameter in operation.get("parameters", []):
            optional = parameter["in"] == "query" and not parameter.get("required")
            if optional and parameter["name"] not in PAGINATION_PARAMETERS:
                parameter["allowEmptyValue"] = True

    def _error_response(self, status: str) -> dict:
        schema = VALIDATION_ERROR if status == "400" else self.resolve_serializer(ErrorSerializer, "response").ref
        return {"content": {"application/json": {"schema": schema}}, "description": SHARED_ERRORS[status]}

    def _map_basic_serializer(self, serializer, direction):
        schema = super()._map_basic_serializer(serializer, direction)
        one_of = getattr(serializer, "one_of_required", None)
        if one_of and direction == "request":
            schema["oneOf"] = [{"required": [name]} for name in one_of]
        return schema
