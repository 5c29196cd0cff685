from django.utils.translation import gettext_lazy as _
from rest_framework import pagination
from rest_framework.exceptions import ValidationError


class PageNumberPagination(pagination.PageNumberPagination):
    """docs/api.md: ``{"count", "next", "previous", "results"}`` with ``?page=N``.

    ``?page_size=`` (1..200) is refused with 400 when it is not a whole number from 1, as the
    schema says, instead of being silently replaced by the default.
    """

    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request):
        given = request.query_params.get(self.page_size_query_param)
        if given is not None and not (given.isascii() and given.isdigit() and int(given) >= 1):
            raise ValidationError({self.page_size_query_param: [_("Give a whole number from 1.")]})
        return super().get_page_size(request)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
        return parameters
