"""The API's JSON parser: DRF's, with a depth limit and no unprintable text (docs/api.md#conventions).

A body nested past :data:`MAX_DEPTH` is a ``400`` (Python's own limit would be a RecursionError,
a 500, in the parser or in whatever walks the data after it). A string anywhere in the body with
control characters or text-direction marks is a ``400`` on its top-level field
(config/text.py ``unprintable``): one check for every text field of every endpoint.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.settings import api_settings

from config.text import UNPRINTABLE_MESSAGE, unprintable

MAX_DEPTH = 32  # the deepest body the API takes is 3 levels; anything near this is an attack
TOO_DEEP = _("The JSON body is nested too deeply.")


def _walk(data):
    """(top-level key, depth, value) of every value in ``data``, without recursion."""
    stack = [(key, 2, value) for key, value in data.items()] if isinstance(data, dict) else [(None, 1, data)]
    while stack:
        top, depth, value = stack.pop()
        yield top, depth, value
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        stack.extend((top, depth + 1, child) for child in children)


def check_body(data) -> None:
    for top, depth, value in _walk(data):
        if depth > MAX_DEPTH:
            raise ParseError(TOO_DEEP)
        if isinstance(value, str) and unprintable(value):
            raise ValidationError({top or api_settings.NON_FIELD_ERRORS_KEY: [UNPRINTABLE_MESSAGE]})


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(TOO_DEEP) from None
        check_body(data)
        return data
