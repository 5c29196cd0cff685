"""The "Wydruki" page: who sees it, what it offers, and its form fallback without JavaScript."""

import json

import pytest
from django.test import Client
from django.utils import timezone

from tasks.models import Document, DocumentKind, DocumentStatus
from tests.factories import UserFactory
from tests.support import DAY, logged_in_client, nothing_changed
from tests.tasks.helpers import workshop_session

pytestmark = pytest.mark.django_db
PAGE = "/documents/"


def page_config(response) -> dict:
    html = response.content.decode()
    start = html.index('id="documents-config"')
    return json.loads(html[html.index(">", start) + 1 : html.index("</script>", start)])


def test_anonymous_visitors_are_sent_to_login():
    response = Client().get(PAGE)
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_distribution_staff_may_not_open_it(distributor):
    assert logged_in_client(distributor).get(PAGE).status_code == 403


def test_coordinators_get_every_form_and_the_polish_menu_link(coordinator, frozen_clock):
    response = logged_in_client(coordinator).get(PAGE)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="meal_roster"' in html and 'value="workshop_attendance"' in html and 'value="monthly_meals"' in html
    assert ">Wydruki</a>" in html
    assert 'value="2026-03-04"' in html  # today's list by default
    assert 'value="2026-02"' in html  # last month's report by default


def test_workshop_leaders_get_only_the_attendance_form(leader, frozen_clock):
    workshop_session(title="Kuchnia & <oszczędności>")
    html = logged_in_client(leader).get(PAGE).content.decode()
    assert 'value="workshop_attendance"' in html
    assert 'value="meal_roster"' not in html and 'value="monthly_meals"' not in html
    assert "Kuchnia &amp; &lt;oszczędności&gt;" in html  # escaped in the page too


def test_todays_documents_are_listed_with_their_state_and_download_links(coordinator, frozen_clock):
    ready = Document.objects.create(
        kind=DocumentKind.MEAL_ROSTER, subject="2026-03-04", subject_date=DAY, status=DocumentStatus.READY
    )
    Document.objects.filter(pk=ready.pk).update(file="documents/2026/03/x.pdf")
    pending = Document.objects.create(kind=DocumentKind.MONTHLY_MEALS, subject="2026-02", subject_date=DAY)
    yesterday = Document.objects.create(kind=DocumentKind.MEAL_ROSTER, subject="2026-03-03", subject_date=DAY)
    Document.objects.filter(pk=yesterday.pk).update(created_at=timezone.now() - timezone.timedelta(days=1))
    html = logged_in_client(coordinator).get(PAGE).content.decode()
    assert f'data-id="{ready.pk}" data-status="ready"' in html
    assert f'data-id="{pending.pk}" data-status="pending"' in html
    assert f'data-id="{yesterday.pk}"' not in html
    assert f'href="/api/v1/documents/{ready.pk}/file/"' in html


def test_the_page_knows_which_lists_were_printed_today(coordinator, frozen_clock):
    Document.objects.create(
        kind=DocumentKind.MEAL_ROSTER, subject="2026-03-04", subject_date=DAY, last_downloaded_at=timezone.now()
    )
    config = page_config(logged_in_client(coordinator).get(PAGE))
    assert config["printedToday"] == {"meal_roster:2026-03-04": "11:30"}
    assert "%(time)s" in config["text"]["again"]
    assert config["api"] == "/api/v1/documents/"


def test_the_form_requests_a_document_without_javascript(coordinator, frozen_clock):
    response = logged_in_client(coordinator).post(PAGE, {"kind": "meal_roster", "date": "2026-03-04"}, follow=True)
    assert response.status_code == 200
    document = Document.objects.get()
    assert (document.kind, document.subject, document.requested_by) == ("meal_roster", "2026-03-04", coordinator)


def test_the_form_reports_bad_input_instead_of_failing(coordinator, frozen_clock):
    client = logged_in_client(coordinator)
    with nothing_changed():
        response = client.post(PAGE, {"kind": "meal_roster", "date": "2026-03-08"}, follow=True)
    assert response.status_code == 200
    assert not Document.objects.exists()
    assert 'class="msg-error"' in response.content.decode()


def test_a_leader_cannot_post_a_meal_list_through_the_form(leader):
    client = logged_in_client(leader)
    with nothing_changed():
        response = client.post(PAGE, {"kind": "meal_roster", "date": "2026-03-04"})
    assert response.status_code == 403
    assert not Document.objects.exists()


def test_a_user_without_a_role_may_not_open_it():
    assert logged_in_client(UserFactory()).get(PAGE).status_code == 403
