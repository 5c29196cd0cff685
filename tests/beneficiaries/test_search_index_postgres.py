"""At 100,000 residents search must not read the whole table: PostgreSQL answers it from indexes."""

import pytest
from django.db import connection

from beneficiaries.selectors import resident_search

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def plan_of(text: str) -> str:
    with connection.cursor() as cursor:
        # On a nearly empty test table a scan is cheaper; forbid it to see which index serves the query.
        cursor.execute("SET LOCAL enable_seqscan = off")
    return resident_search(text=text).explain()


def test_the_migration_created_a_trigram_gin_index_on_the_folded_column():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'resident_search_trgm_idx'")
        (definition,) = cursor.fetchone()
    assert "gin" in definition.lower()
    assert "search_text gin_trgm_ops" in definition


def test_name_search_uses_the_trigram_index(make_resident):
    make_resident(first_name="Łukasz", last_name="Żółć")
    assert "resident_search_trgm_idx" in plan_of("zolc lukasz")


def test_card_and_pesel_search_use_btree_indexes(make_resident):
    resident = make_resident(pesel="44051401359")
    plan = plan_of(resident.card_number)
    assert "card_number" in plan
    assert "Seq Scan" not in plan
    assert "Seq Scan" not in plan_of("440514")


def test_a_search_with_a_typo_suggests_similar_names(make_resident, coordinator):
    from django.test import Client

    from beneficiaries.selectors import resident_similar_names

    make_resident(first_name="Grzegorz", last_name="Brzęczyszczykiewicz")
    assert list(resident_search(text="brzeczyszczykiewisz")) == []
    assert [r.last_name for r in resident_similar_names(text="brzeczyszczykiewisz")] == ["Brzęczyszczykiewicz"]
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(coordinator)
    page = client.get("/residents/", {"search": "brzeczyszczykiewisz"}).content.decode()
    assert "Did you mean" in page
    assert "Brzęczyszczykiewicz" in page
