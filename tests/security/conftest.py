"""Fixtures of the security tests: a small world with one of every object, and the figures printed at the end."""

import datetime
from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from rest_framework.test import APIClient

from beneficiaries.models import ClosureDay, Program, Resident, Street
from meals.models import MealIssue
from tasks.models import Document, DocumentKind, DocumentStatus, ImportRun, ImportStatus
from tests.beneficiaries.import_files import csv_file, row
from tests.factories import EVERY_DAY, UserFactory, eligible_resident
from tests.security import figures
from tests.support import DAY, NOW
from workshops.models import Signup, SignupStatus, Topic, WorkshopSession


def pytest_terminal_summary(terminalreporter):
    """The closing figures of issue 8 (permission checks, fuzz examples, faults injected)."""
    lines = figures.summary()
    if lines:
        terminalreporter.section("security figures")
        for line in lines:
            terminalreporter.write_line(line)


@pytest.fixture
def no_role_user(db):
    """Logged in, but in none of the three groups: may do nothing."""
    return UserFactory(username="nobody")


@dataclass
class World:
    """One of everything a URL can name, so every endpoint can be called with ids that exist."""

    resident: Resident
    other_resident: Resident
    issue: MealIssue
    session: WorkshopSession
    signup: Signup
    started_session: WorkshopSession
    started_signup: Signup
    document: Document
    street: Street
    closure_day: ClosureDay
    import_run: ImportRun

    @property
    def entitlement(self):
        return self.resident.entitlements.order_by("pk").first()

    def kwargs_for(self, route_kwargs: set[str], url_name: str) -> dict:
        """Values for the URL's parameters: the right kind of object for each URL name."""
        values = {}
        if "day" in route_kwargs:
            values["day"] = DAY
        if "kind" in route_kwargs:
            values["kind"], values["pk"] = "closure", self.closure_day.pk
            return values
        if "pk" in route_kwargs:
            values["pk"] = self._pk_for(url_name)
        return values

    def _pk_for(self, url_name: str) -> int:
        attribute = URL_OBJECTS.get(url_name.split(":")[-1])
        if attribute is None:
            raise AssertionError(f"the security tests do not know which object {url_name} names: add it to URL_OBJECTS")
        return getattr(self, attribute).pk


# Which object of the World each URL with a ``pk`` names (URL name without namespace -> attribute).
URL_OBJECTS = {
    "api-resident-detail": "resident",
    "api-resident-card": "resident",
    "api-resident-entitlements": "resident",
    "api-resident-eligibility": "resident",
    "api-resident-export": "resident",
    "api-resident-anonymise": "resident",
    "api-entitlement-suspend": "entitlement",
    "api-entitlement-resume": "entitlement",
    "api-street-detail": "street",
    "api-closure-day-detail": "closure_day",
    "api-meal-issue-void": "issue",
    "workshop-session-detail": "session",
    "workshop-session-cancel": "session",
    "workshop-session-mark-all-present": "started_session",
    "workshop-session-door": "started_session",
    "workshop-session-signups": "session",
    "workshop-signup-detail": "signup",
    "workshop-signup-cancel": "signup",
    "workshop-signup-attendance": "started_signup",
    "workshop-resident-history": "resident",
    "api-document-detail": "document",
    "api-document-file": "document",
    "api-document-csv": "document",
    "api-import-detail": "import_run",
    "import-detail": "import_run",
    "import-apply": "import_run",
    "resident-detail": "resident",
    "resident-edit": "resident",
    "resident-anonymise": "resident",
    "entitlement-create": "resident",
    "entitlement-suspend": "entitlement",
    "entitlement-resume": "entitlement",
    "session-detail": "session",
    "signup-create": "session",
    "session-capacity": "session",
    "session-cancel": "session",
    "session-mark-all-present": "started_session",
    "session-door": "started_session",
    "signup-cancel": "signup",
    "signup-attendance": "started_signup",
    "resident-history": "resident",
}


@pytest.fixture
def world(db, frozen_clock, media_root, distributor, leader, coordinator) -> World:
    # Both may eat and take part in workshops on DAY (and on any day of that week).
    resident = eligible_resident(
        Program.HOT_MEAL,
        Program.FEAD,
        weekdays=EVERY_DAY,
        last_name="Żółć",
        first_name="Łukasz",
        diet=["diabetic"],
        allergies="orzechy",
    )
    other = eligible_resident(Program.HOT_MEAL, Program.FEAD, weekdays=EVERY_DAY, last_name="Nowak", first_name="Anna")
    issue = MealIssue.objects.create(resident=resident, date=DAY, issued_at=NOW, issued_by=distributor)
    session = WorkshopSession.objects.create(
        title="Zupy",
        topic=Topic.COOKING,
        starts_at=NOW + datetime.timedelta(days=1),
        ends_at=NOW + datetime.timedelta(days=1, hours=3),
        capacity=5,
        leader=leader,
    )
    started = WorkshopSession.objects.create(
        title="Budżet domowy",
        topic=Topic.BUDGETING,
        starts_at=NOW - datetime.timedelta(hours=1),
        ends_at=NOW + datetime.timedelta(hours=2),
        capacity=5,
        leader=leader,
    )
    signup = Signup.objects.create(session=session, resident=resident, status=SignupStatus.CONFIRMED)
    started_signup = Signup.objects.create(session=started, resident=other, status=SignupStatus.CONFIRMED)
    document = Document.objects.create(
        kind=DocumentKind.WORKSHOP_ATTENDANCE,
        subject=str(started.pk),
        subject_date=DAY,
        status=DocumentStatus.READY,
        requested_by=leader,
    )
    document.file.save("lista.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    return World(
        resident=resident,
        other_resident=other,
        issue=issue,
        session=session,
        signup=signup,
        started_session=started,
        started_signup=started_signup,
        document=document,
        street=Street.objects.order_by("pk").first(),
        closure_day=ClosureDay.objects.create(date=DAY + datetime.timedelta(days=90), reason="Inwentaryzacja"),
        import_run=ImportRun.objects.create(  # a checked file waiting for "Apply"
            file_name="decyzje.csv",
            content=csv_file([row()]),
            dry_run=True,
            status=ImportStatus.DONE,
            rows_total=1,
            summary={"create": 1, "update": 0, "unchanged": 0, "error": 0},
            rows=[],
            requested_by=coordinator,
        ),
    )


@pytest.fixture
def principals(distributor, leader, coordinator, no_role_user) -> dict:
    """Who calls: None is anonymous."""
    return {
        "anonymous": None,
        "no_role": no_role_user,
        "distribution": distributor,
        "workshop": leader,
        "coordinator": coordinator,
    }


def api_client_for(user) -> APIClient:
    client = APIClient()
    client.default_format = "json"  # docs/api.md: JSON in
    if user is not None:
        client.force_authenticate(user)
    return client


def entitlements_ended(resident: Resident) -> None:
    """Anonymisation waits until no entitlement is current or future: make the resident's end yesterday."""
    yesterday = DAY - datetime.timedelta(days=1)
    resident.entitlements.update(valid_from=yesterday - datetime.timedelta(days=30), valid_to=yesterday)
