from django.utils.cache import add_never_cache_headers, patch_cache_control

PUBLIC_PREFIXES = ("/static/", "/healthz")


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
