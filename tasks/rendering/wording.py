"""The printed forms' wording, in Polish whatever the interface language.

These are the office's official forms (DOMAIN.md "Printed lists"): their text is fixed by the
office, not a translation of the interface, so it lives here as Polish text rather than in
gettext catalogues (an English UI session still prints the Polish form). Names of diets,
districts, themes and dates are the ones the pages show, taken in Polish (docs/polish.md).
"""

import datetime

from django.utils import timezone, translation

from beneficiaries.models import District, diet_labels
from config import dates
from workshops.models import Topic

INSTITUTION = "OPS Chorzów – Centrum Pracy Socjalnej"
ADDRESS = "ul. Kasprowicza 2, 41-503 Chorzów"
PROGRAMME = "Fundusze Europejskie na Pomoc Żywnościową 2021–2027 – działania towarzyszące"
SCHEDULER = "system (harmonogram)"


def day_text(day: datetime.date) -> str:
    """'5.01.2026 (poniedziałek)'."""
    with translation.override("pl"):
        return dates.day_with_weekday(day)


def weekday_text(day: datetime.date) -> str:
    with translation.override("pl"):
        return dates.weekday_text(day)


def month_text(year: int, month: int) -> str:
    """'styczeń 2026'."""
    with translation.override("pl"):
        return dates.month_text(year, month)


def local_time(moment: datetime.datetime) -> str:
    return f"{timezone.localtime(moment):%H:%M}"


def printed_line(printed_at: datetime.datetime, printed_by: str) -> str:
    """'Wydrukowano 5.01.2026 06:00 przez Anna Nowak', on every page's footer."""
    return f"Wydrukowano {dates.moment_text(printed_at)} przez {printed_by or SCHEDULER}"


def diet_text(diet: list[str], allergies: str) -> str:
    with translation.override("pl"):
        parts = [", ".join(diet_labels(diet))] if diet else []
    if allergies and allergies.strip():
        parts.append(f"alergie: {allergies.strip()}")
    return "; ".join(parts)


def district_text(code: str) -> str:
    """The district's one name (beneficiaries.models.District), in Polish."""
    with translation.override("pl"):
        return str(dict(District.choices).get(code, code))


def topic_text(code: str) -> str:
    """The theme's one name (workshops.models.Topic), in Polish."""
    with translation.override("pl"):
        return str(dict(Topic.choices).get(code, code))
