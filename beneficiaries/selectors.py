"""Reads of residents: search, the resident with entitlements, possible duplicates, retention.

Every function here runs a fixed number of queries whatever the number of residents.
"""

import datetime
import functools
import re
from difflib import SequenceMatcher

from django.conf import settings
from django.db import connection
from django.db.models import Case, IntegerField, Max, Prefetch, Q, QuerySet, Value, When

from beneficiaries.cards import is_valid_card_number
from beneficiaries.models import ENTITLEMENT_TERMS, RESIDENT_FIELDS, Entitlement, Resident
from beneficiaries.streets import street_words
from config.audit import audit_about
from config.dates import day_bounds
from config.text import fold

# Anything but letters, digits, hyphens and apostrophes separates search words ("Kowalski, Jan").
_SEPARATORS = re.compile(r"[^\w\-']+")
SIMILAR_NAME_RATIO = 0.8


def search_words(text: str | None) -> list[str]:
    return _SEPARATORS.sub(" ", fold(text or "").replace("_", " ")).split()


def resident_search(*, text: str | None) -> QuerySet[Resident]:
    """Residents matching ``text`` (docs/api.md): names in any order, a card number, the start of a PESEL.

    Ignores case and Polish letters. Words match the folded ``search_text`` column with LIKE
    '%word%', which PostgreSQL answers from a pg_trgm GIN index; digits match the start of the
    PESEL or, when the Luhn check digit is right, a card number exactly (a mistyped card finds
    nobody). Ordered by relevance (exact card, exact name, last name starting with the first
    word, the rest), then by last name.
    """
    words = search_words(text)
    if not words:
        return Resident.objects.order_by("sort_name", "id")
    names = [word for word in words if not word.isdigit()]
    numbers = [word for word in words if word.isdigit()]
    condition = Q()
    for name in names:
        condition &= Q(search_text__contains=name)
    for number in numbers:
        condition &= _number_matches(number)
    relevance = _relevance(names, [number for number in numbers if is_valid_card_number(number)])
    return Resident.objects.filter(condition).annotate(relevance=relevance).order_by("relevance", "sort_name", "id")


def _number_matches(number: str) -> Q:
    matches = Q(pesel__startswith=number)
    if is_valid_card_number(number):
        matches |= Q(card_number=number)
    return matches


def _relevance(names: list[str], cards: list[str]):
    whens = []
    if cards:
        whens.append(When(card_number__in=cards, then=Value(0)))
    if names:
        # "jan kowalski" and "kowalski jan" both name "Kowalski Jan" exactly.
        orders = {" ".join(names[i:] + names[:i]) for i in range(len(names))}
        exact = Q()
        for order in orders:
            exact |= Q(search_text=order) | Q(search_text__startswith=order + " ")
        whens.append(When(exact, then=Value(1)))
        whens.append(When(search_text__startswith=names[0], then=Value(2)))
    if not whens:
        return Value(3)
    return Case(*whens, default=Value(3), output_field=IntegerField())


def resident_similar_names(*, text: str, limit: int = 5) -> list[Resident]:
    """Names close to a search that found nobody ("did you mean"), by trigram similarity.

    Only PostgreSQL has pg_trgm; elsewhere there are no suggestions.
    """
    words = [word for word in search_words(text) if not word.isdigit()]
    if connection.vendor != "postgresql" or not words:
        return []
    from django.contrib.postgres.search import TrigramWordSimilarity

    query = " ".join(words)
    return list(
        Resident.objects.annotate(similarity=TrigramWordSimilarity(query, "search_text"))
        .filter(search_text__trigram_word_similar=query)
        .order_by("-similarity", "sort_name", "id")[:limit]
    )


# What eligibility, the counter and a sign-up's answer read of a resident; the rest stays deferred.
HOT_PATH_RESIDENT_FIELDS = (
    "id",
    "first_name",
    "last_name",
    "card_number",
    "diet",
    "allergies",
    "is_active",
    "district",
    "homeless",
    "birth_date",  # with the street: the counter tells namesakes apart
    "street",
)
_ENTITLEMENT_FIELDS = ("id", "valid_from", "valid_to", "document_number", "weekdays", "status")


def resident_with_entitlements(
    *,
    program: str,
    resident_id: int | None = None,
    card: str | None = None,
    extra: dict[str, tuple[str, object]] | None = None,
) -> tuple[Resident, list[Entitlement]] | None:
    """The resident by id or card with their ``program`` entitlements, newest first, in one query.

    The hot paths' read (a check-in, a sign-up): the resident LEFT JOIN their entitlements, one
    row each, only :data:`HOT_PATH_RESIDENT_FIELDS` (the rest deferred). Raw SQL through
    ``Resident.objects.raw``, model fields still converted as the ORM does: compiling the same
    query with the ORM cost four times its execution (bench/README.md). ``extra``: more columns
    read by the same query, name -> (a scalar subquery with one ``%s``, its value); each comes
    back as an attribute of the resident. None when nobody has that id or card.
    """
    if card is not None:
        card = card.strip()
        # A misread or foreign barcode fails the check digit: no query, nobody else found.
        if not is_valid_card_number(card):
            return None
    extra = extra or {}
    sql = _resident_with_entitlements_sql(card is not None, tuple((name, sub) for name, (sub, _v) in extra.items()))
    params = [value for _sub, value in extra.values()] + [program, card if card is not None else resident_id]
    rows = list(Resident.objects.raw(sql, params))
    if not rows:
        return None
    resident = rows[0]
    entitlements = [
        Entitlement(
            resident_id=resident.pk,
            program=program,
            **{name: getattr(row, f"entitlement_{name}") for name in _ENTITLEMENT_FIELDS},
        )
        for row in rows
        if row.entitlement_id is not None
    ]
    return resident, entitlements


@functools.cache
def _resident_with_entitlements_sql(by_card: bool, extra: tuple[tuple[str, str], ...]) -> str:
    resident, entitlement = Resident._meta, Entitlement._meta
    columns = [f"r.{resident.get_field(name).column}" for name in HOT_PATH_RESIDENT_FIELDS]
    columns += [f"e.{entitlement.get_field(name).column} AS entitlement_{name}" for name in _ENTITLEMENT_FIELDS]
    if not all(name.isidentifier() for name, _subquery in extra):
        raise ValueError(f"extra column names must be identifiers: {[name for name, _s in extra]}")
    columns += [f"({subquery}) AS {name}" for name, subquery in extra]
    return f"""
        SELECT {", ".join(columns)}
        FROM {resident.db_table} r
        LEFT JOIN {entitlement.db_table} e ON e.resident_id = r.id AND e.program = %s
        WHERE {"r.card_number" if by_card else "r.id"} = %s
        ORDER BY e.valid_from DESC, e.id DESC
    """  # noqa: S608  (names come from the models and the callers' constants, values are parameters)


def residents_with_entitlements() -> QuerySet[Resident]:
    """Residents with all their entitlements (newest first): one resident is read in two queries."""
    entitlements = Prefetch("entitlements", queryset=Entitlement.objects.order_by("-valid_from", "-id"))
    return Resident.objects.prefetch_related(entitlements)


# --- Duplicates ------------------------------------------------------------------------------


class DuplicateReason:
    SAME_NAME_AND_BIRTH_DATE = "same_name_and_birth_date"
    SIMILAR_NAME_AND_BIRTH_DATE = "similar_name_and_birth_date"
    SIMILAR_NAME_SAME_ADDRESS = "similar_name_same_address"


def address_key(*, street: str, building: str, flat: str = "") -> str:
    """'ul. Kasprowicza 2/5' -> 'kasprowicza|2|5'; empty when street or building is missing."""
    words = street_words(street or "")
    if not words or not (building or "").strip():
        return ""
    return "|".join([" ".join(words), fold(building), fold(flat)])[:160]


def resident_possible_duplicates(
    *,
    first_name: str,
    last_name: str,
    birth_date: datetime.date | None = None,
    street: str = "",
    building: str = "",
    flat: str = "",
    exclude_id: int | None = None,
) -> list[Resident]:
    """Residents who may be this person (docs/domain.md#identity-and-pesel), each with ``duplicate_reason``.

    Same or very similar name and the same birth date, or a very similar name at the same
    address. Two queries (by birth date, by address), both on indexed columns.
    """
    name = (fold(last_name), fold(first_name))
    found: dict[int, Resident] = {}
    if birth_date is not None:
        for other in Resident.objects.filter(birth_date=birth_date).exclude(pk=exclude_id):
            other_name = (fold(other.last_name), fold(other.first_name))
            if _same_name(name, other_name):
                found[other.pk] = _with_reason(other, DuplicateReason.SAME_NAME_AND_BIRTH_DATE)
            elif _similar_name(name, other_name):
                found[other.pk] = _with_reason(other, DuplicateReason.SIMILAR_NAME_AND_BIRTH_DATE)
    key = address_key(street=street, building=building, flat=flat)
    if key:
        for other in Resident.objects.filter(address_key=key).exclude(pk=exclude_id):
            if other.pk not in found and _similar_name(name, (fold(other.last_name), fold(other.first_name))):
                found[other.pk] = _with_reason(other, DuplicateReason.SIMILAR_NAME_SAME_ADDRESS)
    return sorted(found.values(), key=lambda r: (r.last_name, r.first_name, r.pk))


def _with_reason(resident: Resident, reason: str) -> Resident:
    resident.duplicate_reason = reason
    return resident


def _same_name(name: tuple[str, str], other: tuple[str, str]) -> bool:
    return name == other or name == other[::-1]


def _similar_name(name: tuple[str, str], other: tuple[str, str]) -> bool:
    """Both the last and the first name nearly equal (a typo), in either order.

    Both parts must be close, so that a husband and a wife at one address are not flagged.
    """
    return any(
        _ratio(name[0], a) >= SIMILAR_NAME_RATIO and _ratio(name[1], b) >= SIMILAR_NAME_RATIO
        for a, b in (other, other[::-1])
    )


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()


# --- Retention and the right of access ------------------------------------------------------------

# Values about a resident or their entitlements that identify them or describe their health or
# income, wherever they are stored (the audit trail included).
RESIDENT_PERSONAL_KEYS = (frozenset(RESIDENT_FIELDS) - {"district", "homeless", "is_active"}) | {
    "card_number",
    "card",  # resident.card_print
    "document_number",
    "household_size",
    "monthly_income",
    "income_limit",
}
# Everything a coordinator records about a resident, plus what the system adds.
RESIDENT_EXPORT_FIELDS = ("id", "card_number", *RESIDENT_FIELDS, "created_at", "updated_at", "anonymised_at")
ENTITLEMENT_EXPORT_FIELDS = ("id", *ENTITLEMENT_TERMS, "income_limit", "created_at")


def retention_cutoff(today: datetime.date) -> datetime.date:
    """Data whose last entitlement ended before this day is past retention on ``today``.

    Retention is ``settings.RETENTION_YEARS`` full years counted from 1 January of the year after
    the last entitlement ends (docs/domain.md, docs/retention.md): a decision ending in 2020 keeps the
    person's data until 31 December 2025 with 5 years, and the nightly job of 1 January 2026
    anonymises them.
    """
    return datetime.date(today.year - settings.RETENTION_YEARS, 1, 1)


def residents_due_for_anonymisation(*, today: datetime.date) -> QuerySet[Resident]:
    """Residents not yet anonymised whose data is past retention on ``today`` (one query).

    Past retention: the last entitlement ended before :func:`retention_cutoff` or, never
    entitled, the resident was registered before it.
    """
    cutoff = retention_cutoff(today)
    return (
        Resident.objects.filter(anonymised_at__isnull=True)
        .annotate(last_entitlement_end=Max("entitlements__valid_to"))
        .filter(
            Q(last_entitlement_end__lt=cutoff)
            | Q(last_entitlement_end__isnull=True, created_at__lt=day_bounds(cutoff)[0])
        )
        .order_by("pk")
    )


def has_running_entitlement(*, resident_id: int, today: datetime.date) -> bool:
    """Does the resident hold an entitlement that is current on ``today`` or starts later?"""
    return Entitlement.objects.filter(resident_id=resident_id, valid_to__gte=today).exists()


def entitlement_periods_for_resident(*, resident_id: int, program: str | None = None) -> list[tuple]:
    """(valid_from, valid_to) of each of the resident's entitlements (of ``program``), oldest first."""
    entitlements = Entitlement.objects.filter(resident_id=resident_id).order_by("valid_from", "pk")
    if program:
        entitlements = entitlements.filter(program=program)
    return list(entitlements.values_list("valid_from", "valid_to"))


def resident_export(*, resident: Resident) -> dict:
    """The resident's own row, as plain JSON-ready data (the right of access)."""
    return {field: getattr(resident, field) for field in RESIDENT_EXPORT_FIELDS}


def entitlements_export_for_resident(*, resident_id: int) -> list[dict]:
    entitlements = Entitlement.objects.filter(resident_id=resident_id).order_by("valid_from", "pk")
    return list(entitlements.values(*ENTITLEMENT_EXPORT_FIELDS))


def resident_audit_filter(*, resident_id: int) -> Q:
    """The audit events about the resident and their entitlements."""
    entitlement_ids = Entitlement.objects.filter(resident_id=resident_id).values_list("pk", flat=True)
    return audit_about(Resident, [resident_id]) | audit_about(Entitlement, entitlement_ids)
