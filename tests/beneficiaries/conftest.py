import datetime

import pytest
from django.utils import translation

from beneficiaries.services.entitlements import entitlement_create
from beneficiaries.services.residents import resident_create

# A Monday that is no public holiday; every test that needs "a working day" uses it.
MONDAY = datetime.date(2026, 3, 2)


@pytest.fixture
def make_resident(coordinator):
    """Register a resident through the service, as the pages and the API do."""

    def make(**fields):
        fields.setdefault("first_name", "Jan")
        fields.setdefault("last_name", "Kowalski")
        if not fields.get("pesel"):
            fields.setdefault("birth_date", datetime.date(1960, 5, 14))
        fields.setdefault("street", "Jana Kasprowicza")
        fields.setdefault("building", "2")
        resident, _duplicates = resident_create(by=coordinator, **fields)
        return resident

    return make


@pytest.fixture
def give_entitlement(coordinator):
    def give(resident, **fields):
        fields.setdefault("program", "hot_meal")
        fields.setdefault("valid_from", MONDAY - datetime.timedelta(days=30))
        fields.setdefault("valid_to", MONDAY + datetime.timedelta(days=300))
        fields.setdefault("document_number", "OPS.8220.1.2026")
        return entitlement_create(resident=resident, by=coordinator, **fields)

    return give


@pytest.fixture
def english():
    """Messages in English, to assert on their words (the default is Polish)."""
    with translation.override("en"):
        yield
