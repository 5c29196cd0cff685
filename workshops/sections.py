"""The workshops section of the resident page (registered in workshops.apps): the latest sign-ups, bounded."""

from beneficiaries.sections import ResidentSection
from workshops.selectors import resident_signup_history

SECTION_ROWS = 10


def _context(*, resident, request) -> dict:
    return {"signups": resident_signup_history(resident_id=resident.pk)[:SECTION_ROWS]}


WORKSHOP_HISTORY = ResidentSection(
    template="workshops/_resident_workshops.html", capability="workshops.manage", context=_context
)
