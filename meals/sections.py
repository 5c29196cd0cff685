"""The meals section of the resident page (registered in meals.apps): the latest meals, bounded."""

from beneficiaries.sections import ResidentSection
from meals.selectors.history import resident_meal_history

SECTION_ROWS = 10


def _context(*, resident, request) -> dict:
    issues = resident_meal_history(resident_id=resident.pk)
    rows = list(issues[: SECTION_ROWS + 1])  # one more than shown tells whether there are more
    return {
        "issues": rows[:SECTION_ROWS],
        "more": len(rows) > SECTION_ROWS,
        "total": issues.filter(voided_at__isnull=True).count(),
    }


MEAL_HISTORY = ResidentSection(template="meals/_resident_meals.html", capability="meals.issue", context=_context)
