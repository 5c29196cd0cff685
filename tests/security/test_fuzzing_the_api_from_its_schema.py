"""Schemathesis fuzzes every operation of the published OpenAPI schema: no 5xx, every 4xx in the API's shape,
and every answer as the schema describes it (all of schemathesis' checks: status codes, content
types, headers, the response body against its schema, schema-violating input refused, auth).

One check is left out, on purpose: ``positive_data_acceptance`` (input the schema allows is
accepted). Rules no schema can hold refuse such input: a PESEL's checksum, ``valid_to`` after
``valid_from``, the parameter a document kind needs, credentials, and the domain's own refusals
(409, 422). Those answers are still checked, for their documented status and API shape.

The schema is the one the service serves at /api/schema/, so a new endpoint is fuzzed as soon
as it exists. Requests go in-process to the WSGI application (the whole middleware stack) as
a coordinator with a token. Examples per operation are bounded and derandomised (the same
examples on every run, so CI is reproducible): valid and invalid data, random ids and the ids
of real objects.
"""

import contextlib

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.urls import resolve
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from knox.models import AuthToken
from schemathesis import GenerationMode
from schemathesis.checks import positive_data_acceptance
from schemathesis.core.failures import Failure, FailureGroup

from tests.security import figures
from tests.support import DAY

EXAMPLES = 25  # per operation and generation mode: about 4,000 requests, about a minute
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.generate],  # every 5xx is collected; nothing to shrink
)


@pytest.fixture
def wsgi_app():
    """The real WSGI application, in this test's transaction.

    Django closes the connection at the end of every request; the test client prevents that,
    and so does this fixture, or the test's transaction would end with the first request.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def is_api_shaped(response) -> bool:
    """docs/api.md: ``{"code", "detail", ...}`` for refusals, ``{"field": [messages]}`` for validation."""
    try:
        body = response.json()
    except ValueError:
        return False
    if not isinstance(body, dict) or not body:
        return False
    return {"code", "detail"} <= set(body) or all(isinstance(value, list | dict) for value in body.values())


def real_path_parameters(operation, world) -> dict | None:
    """The ids of the world's objects for an operation's path, so bodies meet real rows too."""
    names = [parameter.name for parameter in operation.path_parameters]
    if not names:
        return None
    sample = operation.path.replace("{id}", "1").replace("{day}", DAY.isoformat())
    url_name = resolve(sample).url_name
    kwargs = world.kwargs_for(set(names) | ({"pk"} if "id" in names else set()), url_name)
    return {"id": kwargs["pk"]} if "id" in names else {"day": kwargs["day"].isoformat()}


BEYOND_THE_SCHEMA = [positive_data_acceptance]


def fuzz(operation, strategy, headers, problems) -> int:
    ran = 0

    @FUZZ
    @given(case=strategy)
    def run(case):
        nonlocal ran
        ran += 1
        response = case.call(headers=headers)
        if response.status_code >= 500:
            problems["5xx"].append(f"{response.status_code} {operation.label}: {case.as_curl_command()}")
        elif response.status_code >= 400 and not is_api_shaped(response):
            problems["shape"].append(f"{response.status_code} {operation.label}: {response.text[:80]}")
        try:
            case.validate_response(response, headers=headers, excluded_checks=BEYOND_THE_SCHEMA)
        except (Failure, FailureGroup) as failure:
            for found in getattr(failure, "exceptions", [failure]):
                detail = " ".join(str(found).split())[:160]
                problems["schema"].append(
                    f"{operation.label} [{response.status_code}] {detail} <- {case.as_curl_command()}"
                )

    # Unsatisfiable: nothing about the operation can be made invalid (no parameters, no body).
    with contextlib.suppress(Unsatisfiable):
        run()
    return ran


@pytest.mark.timeout(600)
def test_no_operation_answers_5xx_and_every_refusal_has_the_api_shape(world, coordinator, wsgi_app):
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", wsgi_app)
    headers = {"Authorization": f"Token {AuthToken.objects.create(user=coordinator)[1]}"}
    problems = {"5xx": [], "shape": [], "schema": []}
    examples = operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        strategies = [operation.as_strategy(generation_mode=mode) for mode in GenerationMode]
        real = real_path_parameters(operation, world)
        if real:
            strategies.append(operation.as_strategy(generation_mode=GenerationMode.POSITIVE, path_parameters=real))
        for strategy in strategies:
            examples += fuzz(operation, strategy, headers, problems)
    figures.counts.update(fuzz_examples=examples, fuzz_operations=operations)
    figures.counts.update(fuzz_5xx=len(problems["5xx"]), fuzz_bad_shape=len(problems["shape"]))
    figures.counts.update(fuzz_schema_violations=len(problems["schema"]))
    assert operations >= 50 and examples >= operations * EXAMPLES
    assert problems == {"5xx": [], "shape": [], "schema": []}, "\n".join(sum(problems.values(), []))
