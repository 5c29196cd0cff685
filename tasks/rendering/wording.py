"""The printed forms' wording, in Polish whatever the interface language.

These are the office's official forms (docs/domain.md#printed-lists): their text is fixed by the
office, not a translation of the interface, so it lives here as Polish text rather than in
gettext catalogues (an English UI session still prints the Polish form). Names of diets,
districts and dates are the ones the pages show, taken in Polish (docs/polish.md).
"""

import datetime

from django.utils import timezone, translation

from beneficiaries.models import District, diet_labels
from config import dates

INSTITUTION = "OPS Chorzów – Centrum Pracy Socjalnej"
ADDRESS = "ul. Kasprowicza 2, 41-503 Chorzów"
PROGRAMME = "Fundusze Europejskie na Pomoc Żywnościową 2021–2027 – działania towarzyszące"
SCHEDULER = "system (harmonogram)"

# The programme's names of the four themes of accompanying measures (FEPŻ 2021–2027): on the
# programme's forms these, not the pages' short names (workshops.models.Topic), are the theme.
# Who pays for a meal (beneficiaries.models.Funding), as the programme's settlement names it.
FUNDINGS = {"programme": "Program „Posiłek w szkole i w domu”", "own_funds": "Środki własne gminy"}
TOPICS = {
    "cooking": "warsztaty kulinarne",
    "nutrition": "warsztaty żywieniowo-dietetyczne",
    "budgeting": "warsztaty edukacji ekonomicznej",
    "food_waste": "warsztaty niemarnowania żywności",
}


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


def diet_names(diet: list[str]) -> str:
    """'wegetariańska, bezglutenowa' ("" for no diet): for the staff's serving sheet only; the
    diets' one name each, as the pages show them (beneficiaries.models.diet_labels)."""
    with translation.override("pl"):
        return ", ".join(diet_labels(diet))


def district_text(code: str) -> str:
    """The district's one name (beneficiaries.models.District), in Polish."""
    with translation.override("pl"):
        return str(dict(District.choices).get(code, code))


def name_with_birth_year(row) -> str:
    """'Nowak Anna (1961)': surname first, and the birth year that tells namesakes apart."""
    name = f"{row.last_name} {row.first_name}"
    return f"{name} ({row.birth_year})" if row.birth_year else name
