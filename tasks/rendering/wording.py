"""The printed forms' wording, in Polish whatever the interface language.

These are the office's official forms (docs/domain.md#printed-lists): their text is fixed by the
office, not a translation of the interface, so it lives here as Polish text rather than in
gettext catalogues (an English UI session still prints the Polish form).
"""

import datetime

from django.utils import timezone

INSTITUTION = "OPS Chorzów – Centrum Pracy Socjalnej"
ADDRESS = "ul. Kasprowicza 2, 41-503 Chorzów"
PROGRAMME = "Fundusze Europejskie na Pomoc Żywnościową 2021–2027 – działania towarzyszące"
SCHEDULER = "system (harmonogram)"

WEEKDAYS = ("poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela")
MONTHS = (
    "styczeń",
    "luty",
    "marzec",
    "kwiecień",
    "maj",
    "czerwiec",
    "lipiec",
    "sierpień",
    "wrzesień",
    "październik",
    "listopad",
    "grudzień",
)
DIETS = {
    "vegetarian": "wegetariańska",
    "diabetic": "cukrzycowa",
    "gluten_free": "bezglutenowa",
    "lactose_free": "bez laktozy",
    "soft": "lekkostrawna/miękka",
    "no_pork": "bez wieprzowiny",
}
DISTRICTS = {"chorzow_stary": "Chorzów Stary", "maciejkowice": "Maciejkowice", "other": "inna"}
# The programme's names of the four themes of accompanying measures (FEPŻ 2021–2027).
TOPICS = {
    "cooking": "warsztaty kulinarne",
    "nutrition": "warsztaty żywieniowo-dietetyczne",
    "budgeting": "warsztaty edukacji ekonomicznej",
    "food_waste": "warsztaty niemarnowania żywności",
}


def day_text(day: datetime.date) -> str:
    """'05.01.2026 (poniedziałek)'."""
    return f"{day:%d.%m.%Y} ({WEEKDAYS[day.weekday()]})"


def month_text(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {year}"


def local_time(moment: datetime.datetime) -> str:
    return f"{timezone.localtime(moment):%H:%M}"


def printed_line(printed_at: datetime.datetime, printed_by: str) -> str:
    """'Wydrukowano 05.01.2026 06:00 przez Anna Nowak', on every page's footer."""
    return f"Wydrukowano {timezone.localtime(printed_at):%d.%m.%Y %H:%M} przez {printed_by or SCHEDULER}"


def diet_names(diet: list[str]) -> str:
    """'wegetariańska, bezglutenowa' ("" for no diet): for the staff's serving sheet only."""
    return ", ".join(DIETS.get(tag, tag) for tag in diet)


def name_with_birth_year(row) -> str:
    """'Nowak Anna (1961)': surname first, and the birth year that tells namesakes apart."""
    name = f"{row.last_name} {row.first_name}"
    return f"{name} ({row.birth_year})" if row.birth_year else name
