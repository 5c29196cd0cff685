"""What the API answers to OPTIONS (REST_FRAMEWORK["DEFAULT_METADATA_CLASS"])."""

from rest_framework.metadata import SimpleMetadata


class Metadata(SimpleMetadata):
    """DRF's description; the body's fields only for a view that names a serializer.

    An action such as "cancel" takes no body and names none: DRF would fail an assertion
    describing it (a 500). The full description of every operation is /api/schema/.
    """

    def determine_actions(self, request, view):
        try:
            view.get_serializer_class()
        except AssertionError:
            return {}
        return super().determine_actions(request, view)
