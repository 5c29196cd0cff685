from django.core.exceptions import SuspiciousOperation
from django.utils.cache import add_never_cache_headers, patch_cache_control

from config.text import unprintable
from config.views import healthz

HEALTH_PATH = "/healthz"
PUBLIC_PREFIXES = ("/static/", HEALTH_PATH)


class HealthCheckMiddleware:
    """Answers ``/healthz`` (docs/api.md#health) before Django validates the Host header.

    Container health checks and load balancers probe the server by address (``127.0.0.1:8000``),
    which production ``ALLOWED_HOSTS`` rightly refuses. The answer carries no host name, no
    personal data and nothing but two states, so it is safe for any Host; every other path keeps
    Django's host validation. Sits right after SecurityMiddleware, which exempts this path from
    the HTTPS redirect (settings.SECURE_REDIRECT_EXEMPT) and reads no Host either.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == HEALTH_PATH:
            return healthz(request)
        return self.get_response(request)


class PrivateByDefaultMiddleware:
    """Personal data is never cached by a browser or a proxy (RODO, art. 100).

    Every response except static files and the health check gets ``Cache-Control: no-store``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(PUBLIC_PREFIXES):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response


class UnprintableInput(SuspiciousOperation):
    """A query parameter or form field with control characters or text-direction marks."""

    def __init__(self, field: str):
        super().__init__(f"unprintable input in {field!r}")
        self.field = field


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class RefuseUnprintableInputMiddleware:
    """Every query parameter and page form field is printable text, or the request is a 400.

    Django answers the exception with ``handler400`` (config/errors.py): the field's error in
    the API's shape under /api/, Django's 400 page elsewhere. JSON bodies are checked by the
    API's parser (config/parsers.py), text in files by whoever reads them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        fields = request.GET.lists()
        # Page forms only: reading an API body here would leave DRF an empty stream (a 400 for a
        # form body where the endpoint answers 415); the API's parsers check their own bodies.
        if request.method == "POST" and request.content_type in FORM_TYPES and not request.path.startswith("/api/"):
            fields = [*fields, *request.POST.lists()]
        for name, values in fields:
            if unprintable(name) or any(unprintable(value) for value in values):
                raise UnprintableInput(name)
        return self.get_response(request)
