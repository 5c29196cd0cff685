"""List and search cost a fixed number of queries, whatever the number of residents."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import EntitlementFactory, ResidentFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("params", [{}, {"search": "kowal"}, {"search": "jan kowalski"}, {"search": "0000018"}])
def test_the_resident_list_costs_the_same_for_3_or_40_residents(distribution_client, params):
    distribution_client.get("/api/v1/residents/")  # the role is read once per user
    ResidentFactory.create_batch(3, last_name="Kowalski", first_name="Jan")
    few = queries_for(distribution_client, "/api/v1/residents/", params)
    ResidentFactory.create_batch(37, last_name="Kowalski", first_name="Jan")
    assert queries_for(distribution_client, "/api/v1/residents/", params) == few


def test_the_resident_list_is_a_count_and_one_select(distribution_client, django_assert_num_queries):
    distribution_client.get("/api/v1/residents/")
    ResidentFactory.create_batch(5)
    with django_assert_num_queries(2):
        distribution_client.get("/api/v1/residents/", {"search": "a"})


def test_a_resident_with_many_entitlements_is_read_in_two_queries(distribution_client, django_assert_num_queries):
    distribution_client.get("/api/v1/residents/")
    resident = ResidentFactory()
    EntitlementFactory.create_batch(6, resident=resident)
    with django_assert_num_queries(2):
        response = distribution_client.get(f"/api/v1/residents/{resident.pk}/")
    assert len(response.json()["entitlements"]) == 6


def test_the_resident_page_costs_the_same_for_few_or_many_entitlements(client, coordinator):
    client.force_login(coordinator)
    resident = ResidentFactory()
    client.get(f"/residents/{resident.pk}/")
    EntitlementFactory(resident=resident)
    with CaptureQueriesContext(connection) as few:
        client.get(f"/residents/{resident.pk}/")
    EntitlementFactory.create_batch(8, resident=resident, program="fead")
    with CaptureQueriesContext(connection) as many:
        client.get(f"/residents/{resident.pk}/")
    assert len(many) == len(few)


def test_the_resident_list_page_costs_the_same_for_few_or_many_residents(client, coordinator):
    client.force_login(coordinator)
    ResidentFactory.create_batch(2)
    with CaptureQueriesContext(connection) as few:
        client.get("/residents/", {"search": "a"})
    ResidentFactory.create_batch(30)
    with CaptureQueriesContext(connection) as many:
        client.get("/residents/", {"search": "a"})
    assert len(many) == len(few)
