"""``?page_size=`` is a whole number from 1 (as the OpenAPI schema says): anything else is a 400, never ignored."""

import pytest

from tests.security.conftest import api_client_for


@pytest.mark.parametrize("page_size", ["abc", "0", "-5", "1.5", ""])
def test_a_page_size_that_is_not_a_whole_number_from_1_is_a_400(coordinator, page_size):
    response = api_client_for(coordinator).get("/api/v1/streets/", {"page_size": page_size})
    assert response.status_code == 400 and "page_size" in response.json()


def test_a_page_size_past_the_limit_is_cut_to_it(coordinator):
    response = api_client_for(coordinator).get("/api/v1/streets/", {"page_size": "5000"})
    assert response.status_code == 200


def test_the_schema_says_so(client):
    schema = client.get("/api/schema/?format=json").json()
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/streets/"]["get"]["parameters"]}
    assert parameters["page_size"]["schema"]["minimum"] == 1
    assert "400" in schema["paths"]["/api/v1/streets/"]["get"]["responses"]
