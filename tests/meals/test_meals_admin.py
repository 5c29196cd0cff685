"""The admin shows meal issues read-only (changes go through the counter and the audit trail)."""

import pytest
from django.test import Client

from config.models import AuditEvent
from meals.models import MealDay, MealIssue
from tests.factories import UserFactory, eligible_resident
from tests.support import DAY, NOW, nothing_changed

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_():
    client = Client()
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def test_issues_are_listed_but_cannot_be_added_changed_or_deleted(admin_client_, distributor):
    issue = MealIssue.objects.create(resident=eligible_resident(), date=DAY, issued_at=NOW, issued_by=distributor)

    assert admin_client_.get("/admin/meals/mealissue/").status_code == 200
    assert admin_client_.get("/admin/meals/mealissue/add/").status_code == 403
    with nothing_changed():
        assert admin_client_.post(f"/admin/meals/mealissue/{issue.pk}/delete/", {"post": "yes"}).status_code == 403
    page = admin_client_.get(f"/admin/meals/mealissue/{issue.pk}/change/")
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    assert MealIssue.objects.filter(pk=issue.pk).exists()


def test_a_day_plan_edited_in_the_admin_is_audited(admin_client_):
    response = admin_client_.post(
        "/admin/meals/mealday/add/", {"date": "2026-03-04", "menu": "Bigos", "portions_planned": "30", "note": ""}
    )

    assert response.status_code == 302
    plan = MealDay.objects.get()
    assert (plan.menu, plan.portions_planned, plan.updated_by.username) == ("Bigos", 30, "root")
    assert AuditEvent.objects.filter(action="meal_day.plan", actor=plan.updated_by).count() == 1
