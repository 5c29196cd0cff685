"""Roles (docs/api.md): distribution and coordinators at the counter; coordinators plan the day."""

import pytest

from tests.factories import eligible_resident
from tests.meals.helpers import ISSUES_URL
from tests.support import nothing_changed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]

READS = [
    "/api/v1/meals/issues/",
    "/api/v1/meals/days/2026-03-04/",
    "/api/v1/meals/days/2026-03-04/summary/",
    "/api/v1/meals/today/",
    "/api/v1/meals/days/2026-03-04/plan/",
    "/api/v1/meals/check/?resident=1",
    "/api/v1/meals/residents/?search=kowal",
    "/api/v1/meals/offline-pack/",
]
WRITES = [
    ("post", ISSUES_URL, {"resident": 1}),
    ("post", f"{ISSUES_URL}1/void/", {"reason": "x"}),
    ("put", "/api/v1/meals/days/2026-03-04/plan/", {"menu": "zupa"}),
    ("patch", "/api/v1/meals/days/2026-03-04/plan/", {"menu": "zupa"}),
]


@pytest.mark.parametrize("url", READS)
def test_nothing_is_served_without_credentials(api_client, url):
    assert api_client.get(url).status_code == 401


@pytest.mark.parametrize(("method", "url", "body"), WRITES)
def test_nothing_is_written_without_credentials(api_client, method, url, body):
    with nothing_changed():
        assert getattr(api_client, method)(url, body, format="json").status_code == 401


@pytest.mark.parametrize("url", READS)
def test_workshop_leaders_do_not_use_the_counter(workshop_client, url):
    assert workshop_client.get(url).status_code == 403


@pytest.mark.parametrize(("method", "url", "body"), WRITES)
def test_workshop_leaders_may_not_issue_void_or_plan(workshop_client, method, url, body):
    with nothing_changed():
        assert getattr(workshop_client, method)(url, body, format="json").status_code == 403


def test_a_user_without_a_role_may_not_issue(api_client):
    from tests.factories import UserFactory

    api_client.force_authenticate(UserFactory())
    resident = eligible_resident()

    with nothing_changed():
        assert api_client.post(ISSUES_URL, {"resident": resident.pk}, format="json").status_code == 403


@pytest.mark.parametrize("url", READS)
def test_counter_staff_read_the_day(distribution_client, url):
    assert distribution_client.get(url).status_code in (200, 404)  # check/ of an unknown id is a 404


@pytest.mark.parametrize("method", ["put", "patch"])
def test_counter_staff_may_not_plan_the_day(distribution_client, method):
    with nothing_changed():
        response = getattr(distribution_client, method)(
            "/api/v1/meals/days/2026-03-04/plan/", {"menu": "x"}, format="json"
        )

    assert response.status_code == 403


def test_token_authentication_works_for_the_counter(api_client, distributor):
    from knox.models import AuthToken

    _, token = AuthToken.objects.create(user=distributor)
    resident = eligible_resident()

    response = api_client.post(
        ISSUES_URL, {"resident": resident.pk}, format="json", HTTP_AUTHORIZATION=f"Token {token}"
    )

    assert response.status_code == 201
