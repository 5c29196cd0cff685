import pytest
from django.test import Client

from tests.factories import UserFactory


@pytest.mark.django_db
def test_login_page_is_polish_by_default():
    response = Client().get("/login/")
    assert response.status_code == 200
    assert 'lang="pl"' in response.content.decode()


@pytest.mark.django_db
def test_english_is_available_through_accept_language():
    response = Client().get("/login/", HTTP_ACCEPT_LANGUAGE="en")
    assert 'lang="en"' in response.content.decode()
    assert "Log in" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/residents/", "/meals/counter/", "/workshops/", "/documents/"])
def test_staff_pages_send_anonymous_visitors_to_login(path):
    response = Client().get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "landing"),
    [("distribution", "/meals/counter/"), ("workshop", "/workshops/"), ("coordinator", "/meals/")],
)
def test_home_sends_each_role_to_its_own_screen(role, landing):
    client = Client()
    client.force_login(UserFactory(role=role))
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == landing


@pytest.mark.django_db
def test_a_user_without_a_role_is_told_so():
    client = Client()
    client.force_login(UserFactory())
    assert client.get("/").status_code == 403


@pytest.mark.django_db
def test_login_form_logs_in_and_logout_logs_out():
    UserFactory(username="kasia", role="coordinator")
    client = Client()
    response = client.post("/login/", {"username": "kasia", "password": "test-password-123"})
    assert response.status_code == 302
    assert client.get("/residents/").status_code == 200
    client.post("/logout/")
    assert client.get("/residents/").status_code == 302


@pytest.mark.django_db
def test_personal_pages_are_never_cached():
    client = Client()
    client.force_login(UserFactory(role="coordinator"))
    response = client.get("/residents/")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_schema_and_docs_are_served():
    assert Client().get("/api/schema/").status_code == 200
    docs = Client().get("/api/docs/")
    assert docs.status_code == 200
    assert b"swagger" in docs.content.lower()
