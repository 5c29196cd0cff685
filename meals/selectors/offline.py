"""The offline pack: what a counter keeps on the device to serve without the network (docs/counter.md)."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from beneficiaries.eligibility import residents_eligible_on
from beneficiaries.models import Program
from config.text import name_sort_key
from meals.models import MealIssue
from meals.selectors.counter import birth_year_instead_of_date

PACK_FIELDS = ("id", "first_name", "last_name", "birth_date", "street", "card_number", "diet", "allergies")


@dataclass(frozen=True)
class OfflinePack:
    date: datetime.date
    generated_at: datetime.datetime
    residents: list[dict]


def offline_pack(*, day: datetime.date) -> OfflinePack:
    """Everyone eligible for a hot meal on ``day`` with that day's issue time, in Polish name order.

    Three queries whatever the number of residents (the day's closure, the residents, the issues).
    Birth year and street tell namesakes apart at the counter; the PESEL never leaves the server.
    """
    generated_at = timezone.now()
    rows = list(residents_eligible_on(program=Program.HOT_MEAL, day=day).values(*PACK_FIELDS))
    served = dict(MealIssue.objects.filter(date=day, voided_at__isnull=True).values_list("resident_id", "issued_at"))
    for row in rows:
        birth_year_instead_of_date(row)
        row["diet"] = list(row["diet"] or [])
        row["issued_at"] = served.get(row["id"])
    rows.sort(key=lambda row: (name_sort_key(row["last_name"]), name_sort_key(row["first_name"]), row["id"]))
    return OfflinePack(date=day, generated_at=generated_at, residents=rows)
