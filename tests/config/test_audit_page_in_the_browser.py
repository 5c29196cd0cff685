"""A coordinator reads the audit trail on a 1024 px tablet: no sideways scrolling, one page at a time."""

import pytest

from config.audit import audit_record
from tests.factories import ResidentFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_trail_fits_1024_px_and_pages(login_page, live_server, tmp_path):
    coordinator = UserFactory(username="ewa", role="coordinator", first_name="Ewa", last_name="Kowalska")
    resident = ResidentFactory(last_name="Gąsior", first_name="Żaneta")
    long_note = "bardzo długa notatka bez spacji " + "x" * 400
    for _ in range(60):
        audit_record(
            actor=coordinator, action="resident.update", obj=resident, before={"notes": ""}, after={"notes": long_note}
        )

    page = login_page(coordinator)
    page.goto(f"{live_server.url}/audit/")
    page.screenshot(path=str(tmp_path / "audit.png"), full_page=True)

    assert page.evaluate("document.documentElement.scrollWidth") <= 1024
    assert page.locator(".audit-trail > li").count() == 50
    assert "Ewa Kowalska: zmiana danych mieszkańca — Gąsior Żaneta" in page.inner_text(".audit-trail")
    page.select_option("#id_action", "resident.update")
    page.click(".audit-filters button[type=submit]")
    page.get_by_role("link", name="Starsze").click()
    page.wait_for_url("**page=2")
    assert page.locator(".audit-trail > li").count() == 10
