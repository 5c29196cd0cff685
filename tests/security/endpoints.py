"""Every URL the service answers, found by walking the URL resolver (so none can escape the tests)."""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, reverse

SKIPPED_PREFIXES = ("admin/",)  # Django's admin guards itself (staff login); tested separately
HTTP_METHODS = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True)
class Endpoint:
    name: str  # "namespace:name"
    route: str
    callback: object
    kwargs: frozenset[str]

    @property
    def is_api(self) -> bool:
        return self.route.startswith("api/")

    def methods(self) -> list[str]:
        """The HTTP methods a class-based (DRF) view implements."""
        view_class = getattr(self.callback, "cls", None) or getattr(self.callback, "view_class", None)
        if view_class is None:
            raise AssertionError(f"{self.name} is not a class-based view: list its methods in the policy")
        return [method.upper() for method in HTTP_METHODS if hasattr(view_class, method)]

    def url(self, world) -> str:
        return reverse(self.name, kwargs=world.kwargs_for(set(self.kwargs), self.name))


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            kwargs = set(pattern.pattern.regex.groupindex) | set(re.findall(r"<(?:\w+:)?(\w+)>", route))
            yield Endpoint(namespace + (pattern.name or ""), route, pattern.callback, frozenset(kwargs))


def all_endpoints() -> list[Endpoint]:
    endpoints = [e for e in _walk(get_resolver().url_patterns) if not e.route.startswith(SKIPPED_PREFIXES)]
    unnamed = [e.route for e in endpoints if not e.name or e.name.endswith(":")]
    assert not unnamed, f"unnamed URLs cannot be checked: {unnamed}"
    return endpoints


def api_operations() -> list[tuple[Endpoint, str]]:
    return [(endpoint, method) for endpoint in all_endpoints() if endpoint.is_api for method in endpoint.methods()]


def pages() -> list[Endpoint]:
    return [endpoint for endpoint in all_endpoints() if not endpoint.is_api]
