"""The printed forms' wording, in Polish whatever the interface language.

These are the office's official forms (DOMAIN.md "Printed lists"): their text is fixed by the
office, not a translation of the interface, so it lives here as Polish text rather than in
gettext catalogues (an English UI session still prints the Polish form).
"""

import datetime

from django.utils import timezone, translation

from config import dates

INSTITUTION = "OPS Chorzów – Centrum Pracy Socjalnej"
ADDRESS = "ul. Kasprowicza 2, 41-503 Chorzów"
PROGRAMME = "Fundusze Europejskie na Pomoc Żywnościową 2021–2027 – działania towarzyszące"
SCHEDULER = "system (harmonogram)"

DIETS = {
    "vegetarian": "wegetariańska",
    "diabetic": "cukrzycowa",
    "gluten_free": "bezglutenowa",
    "lactose_free": "bez laktozy",
    "soft": "lekkostrawna/miękka",
    "no_pork": "bez wieprzowiny",
}
DISTRICTS = {"chorzow_stary": "Chorzów Stary", "maciejkowice": "Maciejkowice", "other": "inna"}
TOPICS = {
    "cooking": "Gotowanie",
    "nutrition": "Żywienie i dieta",
    "budgeting": "Budżet domowy",
    "food_waste": "Niemarnowanie żywności",
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


def diet_text(diet: list[str], allergies: str) -> str:
    parts = [", ".join(DIETS.get(tag, tag) for tag in diet)] if diet else []
    if allergies and allergies.strip():
        parts.append(f"alergie: {allergies.strip()}")
    return "; ".join(parts)
