"""The benchmark's own database: created from DATABASE_URL's server, migrated, bulk-loaded with SQL.

Residents are made in Python (names, PESEL, card, the folded columns, computed by the service's
own functions) and sent with COPY; entitlements, past issues and their audit events are made by
``INSERT ... SELECT`` over ``generate_series`` inside PostgreSQL. 100,000 residents and 2 million
issues load in about a minute.
"""

import datetime
import json
import random
import time
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

import psycopg

from bench.names import NameSource

PESEL_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
OTHER_STREETS = ["Wolności", "Katowicka", "Dąbrowskiego", "Powstańców", "Hajducka", "Batorego"]
DIETS = ['["vegetarian"]', '["diabetic"]', '["gluten_free", "lactose_free"]', '["soft"]', '["no_pork"]']
ALLERGIES = ["orzechy", "gluten", "laktoza", "seler", "jaja", "ryby"]
ISSUE_STRIDE = 20  # each resident eats on every 20th opening day in the past: 5,000 a day at 100,000
RESIDENT_COLUMNS = (
    "id", "first_name", "last_name", "pesel", "birth_date", "street", "building", "flat", "postal_code",
    "district", "phone", "diet", "allergies", "notes", "card_number", "is_active", "search_text",
    "sort_name", "address_key", "created_at", "updated_at", "version", "homeless",
)  # fmt: skip


def bench_url(database_url: str, name: str) -> str:
    parts = urlsplit(database_url)
    if parts.scheme not in ("postgres", "postgresql", "pgsql"):
        raise SystemExit("The benchmark needs PostgreSQL: set DATABASE_URL=postgres://user@host:5432/any")
    return urlunsplit(parts._replace(path=f"/{name}"))


def conninfo(url: str) -> str:
    """The URL for psycopg: postgresql://, without Django's options (``?server_side_binding=...``)."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(scheme="postgresql", query=""))


def recreate_database(url: str) -> None:
    name = urlsplit(url).path.lstrip("/")
    admin = conninfo(urlunsplit(urlsplit(url)._replace(path="/postgres")))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


# --- Residents ----------------------------------------------------------------------------------


def make_pesel(birth: datetime.date, serial: int, male: bool) -> str:
    month = birth.month + (20 if birth.year >= 2000 else 0)
    sex = (serial % 5) * 2 + (1 if male else 0)
    digits = f"{birth:%y}{month:02d}{birth:%d}{serial // 5 % 1000:03d}{sex}"
    check = (10 - sum(int(d) * w for d, w in zip(digits, PESEL_WEIGHTS, strict=True)) % 10) % 10
    return digits + str(check)


BIRTH_DAYS = 25_000  # birth dates spread over 1936..2004


def birth_date_of(resident_id: int) -> datetime.date:
    return datetime.date(1936, 1, 1) + datetime.timedelta(days=(resident_id * 7919) % BIRTH_DAYS)


def pesel_of(resident_id: int, male: bool) -> str:
    # Unique by construction: one birth date per id modulo BIRTH_DAYS, the quotient as serial.
    return make_pesel(birth_date_of(resident_id), resident_id // BIRTH_DAYS, male)


class ResidentMaker:
    """Rows of beneficiaries_resident with every derived column as the service computes it."""

    def __init__(self, streets: list[tuple[str, str]], now: datetime.datetime, seed: int):
        from beneficiaries.cards import card_number_for
        from beneficiaries.selectors import address_key
        from config.text import fold, person_sort_key

        self.card_number_for, self.fold, self.sort_name = card_number_for, fold, person_sort_key
        self.address_key = lru_cache(maxsize=300_000)(lambda s, b, f: address_key(street=s, building=b, flat=f))
        self.streets = streets
        self.now = now
        self.names = NameSource(seed)
        self.rng = random.Random(seed + 1)

    def row(self, resident_id: int) -> tuple:
        rng = self.rng
        first, last, male = self.names.draw()
        has_pesel = resident_id % 5 != 0  # some homeless people and foreigners have none
        pesel = pesel_of(resident_id, male) if has_pesel else None
        street, district = self._street(resident_id)
        building, flat = str(rng.randint(1, 120)), (str(rng.randint(1, 40)) if rng.random() < 0.7 else "")
        card = self.card_number_for(resident_id)
        # beneficiaries.services.residents._refresh_derived: fold("last first card pesel")[:300]
        search_text = self.fold(f"{last} {first} {card} {pesel or ''}")[:300]
        return (
            resident_id, first, last, pesel, birth_date_of(resident_id), street, building, flat,
            "41-500" if resident_id % 2 else "41-503", district, "", self._diet(resident_id),
            ALLERGIES[resident_id % 6] if resident_id % 9 == 0 else "", "", card,
            resident_id % 97 != 0,  # about 1 % inactive
            search_text, self.sort_name(last, first), self.address_key(street, building, flat), self.now, self.now, 1,
            False,
        )  # fmt: skip

    def _street(self, resident_id: int) -> tuple[str, str]:
        if resident_id % 20 == 0:  # 5 % live outside the two districts
            return OTHER_STREETS[resident_id % len(OTHER_STREETS)], "other"
        return self.streets[resident_id % len(self.streets)]

    @staticmethod
    def _diet(resident_id: int) -> str:
        return DIETS[resident_id % len(DIETS)] if resident_id % 4 == 0 else "[]"


def copy_residents(conn: psycopg.Connection, maker: ResidentMaker, first_id: int, last_id: int) -> None:
    columns = ", ".join(RESIDENT_COLUMNS)
    with conn.cursor() as cursor, cursor.copy(f"COPY beneficiaries_resident ({columns}) FROM STDIN") as copy:
        for resident_id in range(first_id, last_id + 1):
            copy.write_row(maker.row(resident_id))
    conn.execute("SELECT setval(pg_get_serial_sequence('beneficiaries_resident', 'id'), %s)", (last_id,))


def check_derived_columns(conn: psycopg.Connection, sample: int = 500) -> None:
    """The loaded rows' folded columns equal what the service computes for the same resident."""
    from beneficiaries.models import Resident
    from beneficiaries.services.residents import _refresh_derived

    fields = ("id", "first_name", "last_name", "card_number", "pesel", "street", "building", "flat")
    columns = ", ".join(fields)
    query = (
        f"SELECT {columns}, search_text, sort_name, address_key FROM beneficiaries_resident ORDER BY random() LIMIT %s"  # noqa: S608
    )
    for row in conn.execute(query, (sample,)).fetchall():
        resident = Resident(**dict(zip(fields, row[: len(fields)], strict=True)))
        _refresh_derived(resident)
        if (resident.search_text, resident.sort_name, resident.address_key) != row[-3:]:
            raise AssertionError(f"resident {row[0]}: derived columns differ from the service's: {row[-3:]}")


# --- Entitlements, issues, audit ---------------------------------------------------------------


def insert_entitlements(conn: psycopg.Connection, today: datetime.date, first_id: int, last_id: int) -> None:
    """A current hot-meal decision for everyone (2 % suspended), an expired one for 30 %, FEAD referrals for 20 %."""
    ids = {"first": first_id, "last": last_id, "today": today}
    conn.execute(
        """
        INSERT INTO beneficiaries_entitlement
            (resident_id, program, valid_from, valid_to, document_number, weekdays, status, created_at, funding)
        SELECT r, 'hot_meal', %(today)s::date - 300 - r %% 60, %(today)s::date + 30,
               'OPS.8220.' || r || '.2026', '1234567',
               CASE WHEN r %% 50 = 7 THEN 'suspended' ELSE 'active' END, now(), 'programme'
        FROM generate_series(%(first)s::int, %(last)s::int) AS r
        UNION ALL
        SELECT r, 'hot_meal', %(today)s::date - 700, %(today)s::date - 400, 'OPS.8220.' || r || '.2024', '12345',
               'active', now(), 'programme'
        FROM generate_series(%(first)s::int, %(last)s::int) AS r WHERE r %% 10 < 3
        UNION ALL
        SELECT r, 'fead', %(today)s::date - 100, %(today)s::date + 200, 'SK.FEAD.' || r, '1234567', 'active', now(),
               'programme'
        FROM generate_series(%(first)s::int, %(last)s::int) AS r WHERE r %% 5 = 1
        """,
        ids,
    )


def past_opening_days(today: datetime.date, count: int) -> list[datetime.date]:
    days, day = [], today - datetime.timedelta(days=1)
    while len(days) < count:
        if day.isoweekday() <= 5:
            days.append(day)
        day -= datetime.timedelta(days=1)
    return days


def insert_past_issues(
    conn: psycopg.Connection, *, today: datetime.date, residents: int, issues: int, staff: list[int]
):
    """``issues`` meals on past weekdays, each resident every ISSUE_STRIDE-th day; 0.5 % voided; with audit events."""
    per_day = residents // ISSUE_STRIDE
    days = past_opening_days(today, -(-issues // per_day))
    conn.execute(
        """
        INSERT INTO meals_mealissue
            (resident_id, date, issued_at, issued_by_id, takeaway, collected_by, client_ref,
             voided_at, voided_by_id, void_reason, source, recorded_at)
        SELECT r, d.day, i.at, i.staff, r %% 10 = 1, '', NULL,
               CASE WHEN i.voided THEN i.at + interval '5 minutes' END,
               CASE WHEN i.voided THEN i.staff END,
               CASE WHEN i.voided THEN 'pomyłka' ELSE '' END, 'counter', i.at
        FROM unnest(%(days)s::date[]) WITH ORDINALITY AS d(day, n)
        CROSS JOIN LATERAL generate_series(1 + (d.n %% %(stride)s)::int, %(residents)s::int, %(stride)s::int) AS r
        CROSS JOIN LATERAL (
            SELECT (d.day + time '11:55' + (r %% 4000) * interval '1 second') AT TIME ZONE 'Europe/Warsaw' AS at,
                   (%(staff)s::bigint[])[1 + r %% %(nstaff)s] AS staff,
                   (r * 7 + d.n) %% 200 = 0 AS voided
        ) AS i
        LIMIT %(issues)s
        """,
        {"days": days, "stride": ISSUE_STRIDE, "residents": residents, "issues": issues, "staff": staff,
         "nstaff": len(staff)},
    )  # fmt: skip
    conn.execute(
        """
        INSERT INTO config_auditevent (at, actor_id, action, object_type, object_id, before, after, source)
        SELECT issued_at, issued_by_id, 'meal.issue', 'meals.mealissue', id::text, NULL,
               jsonb_build_object('resident', resident_id, 'date', date, 'takeaway', takeaway,
                                  'collected_by', collected_by, 'client_ref', client_ref), ''
        FROM meals_mealissue
        """
    )


# --- The whole load -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sizes:
    residents: int
    issues: int
    search_residents: tuple[int, ...]  # register sizes B3 runs at (the first is `residents`)


def load(url: str, *, sizes: Sizes, today: datetime.date, staff: list[int], log) -> None:
    """Fill the migrated database (users already there) with residents, entitlements and issues."""
    from django.utils import timezone

    from beneficiaries.models import Street

    streets = list(Street.objects.order_by("id").values_list("name", "district"))
    started = time.monotonic()
    with psycopg.connect(conninfo(url), autocommit=True) as conn:
        conn.execute("SET session_replication_role = replica")  # no per-row FK triggers during the load
        maker = ResidentMaker(streets, timezone.now(), seed=2026)
        copy_residents(conn, maker, 1, sizes.residents)
        log(f"  {sizes.residents:,} residents copied ({time.monotonic() - started:.0f} s)")
        insert_entitlements(conn, today, 1, sizes.residents)
        insert_past_issues(conn, today=today, residents=sizes.residents, issues=sizes.issues, staff=staff)
        log(f"  entitlements, {sizes.issues:,} past issues and their audit events ({time.monotonic() - started:.0f} s)")
        conn.execute("SET session_replication_role = DEFAULT")
        conn.execute("VACUUM (ANALYZE)")
        check_derived_columns(conn)
    log(f"  loaded and analysed in {time.monotonic() - started:.0f} s")


def grow_residents(url: str, *, current: int, target: int, today: datetime.date, log) -> None:
    """More residents (with decisions) for the search at a larger register; no issues are added."""
    from django.utils import timezone

    from beneficiaries.models import Street

    streets = list(Street.objects.order_by("id").values_list("name", "district"))
    started = time.monotonic()
    with psycopg.connect(conninfo(url), autocommit=True) as conn:
        conn.execute("SET session_replication_role = replica")
        copy_residents(conn, ResidentMaker(streets, timezone.now(), seed=target), current + 1, target)
        insert_entitlements(conn, today, current + 1, target)
        conn.execute("SET session_replication_role = DEFAULT")
        conn.execute("VACUUM (ANALYZE) beneficiaries_resident")
        conn.execute("VACUUM (ANALYZE) beneficiaries_entitlement")
    log(f"  grown to {target:,} residents in {time.monotonic() - started:.0f} s")


def table_counts(url: str) -> dict[str, int]:
    with psycopg.connect(conninfo(url)) as conn:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608  (fixed names)
            for table in ("beneficiaries_resident", "beneficiaries_entitlement", "meals_mealissue", "config_auditevent")
        }


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)
