"""Every list of people follows one Polish alphabetical order (docs/polish.md): the residents
list, the day's meal list, the monthly figures, the attendance list, and the PDFs printed
from them. One fixed list of names, created out of order, must come back in this order."""

import pytest

from beneficiaries.models import Program
from beneficiaries.selectors import resident_search
from meals.selectors.figures import monthly_meal_figures
from meals.selectors.roster import meal_roster
from tasks.rendering.attendance import render_attendance_sheet
from tasks.rendering.roster import render_meal_roster
from tests.factories import MealIssueFactory, eligible_resident
from tests.support import DAY, NOW
from tests.tasks.helpers import pdf_text, workshop_session
from workshops.models import Signup, SignupStatus
from workshops.selectors import attendance_sheet

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]

# (last name, first name) in the expected order: Polish letters after their base letter, a letter
# from outside the alphabet as its base letter, a hyphen or space before any letter.
IN_ORDER = [
    ("Cebula", "Jan"),
    ("Ćwik", "Anna"),
    ("Eliasz", "Maria"),
    ("Émile", "Jan"),
    ("Erdman", "Ewa"),
    ("Gąsior", "Tomasz"),
    ("Górecka", "Alicja"),
    ("Grabowski", "Piotr"),
    ("Lis", "Adam"),
    ("Łoś", "Barbara"),
    ("Nowak", "Anna"),
    ("Nowak", "Żaneta"),
    ("Nowak-Lis", "Anna"),
    ("Nowaka", "Adam"),
    ("Szewc", "Jan"),
    ("Śliwa", "Ola"),
    ("Zając", "Ewa"),
    ("Źrebak", "Jan"),
    ("Żak", "Iza"),
]
SCRAMBLED = IN_ORDER[1::2][::-1] + IN_ORDER[::2]


def register(*programs):
    return [eligible_resident(*programs, last_name=last, first_name=first) for last, first in SCRAMBLED]


def names(rows) -> list[tuple[str, str]]:
    return [(row.last_name, row.first_name) for row in rows]


def printed_order(text: str) -> list[tuple[str, str]]:
    """The people of IN_ORDER in the order the PDF's text names them."""
    flat = " ".join(text.split())
    return sorted(IN_ORDER, key=lambda person: flat.index(f"{person[0]} {person[1]}"))


def test_the_residents_list_is_in_polish_order():
    register()

    assert names(resident_search(text=None)) == IN_ORDER


def test_the_residents_api_lists_in_polish_order(coordinator_client):
    register()

    results = coordinator_client.get("/api/v1/residents/", {"page_size": 100}).json()["results"]

    assert [(r["last_name"], r["first_name"]) for r in results] == IN_ORDER


def test_a_search_lists_equally_relevant_people_in_polish_order():
    register()

    assert names(resident_search(text="a")) == [person for person in IN_ORDER if "a" in " ".join(person).lower()]


def test_the_days_meal_list_and_its_pdf_are_in_polish_order():
    register()

    rows = meal_roster(day=DAY)
    pdf = render_meal_roster(day=DAY, rows=rows, point_name="Punkt", printed_at=NOW, printed_by="Anna")

    assert names(rows) == IN_ORDER
    assert printed_order(pdf_text(pdf)) == IN_ORDER


def test_the_monthly_figures_list_people_in_polish_order():
    for resident in register():
        MealIssueFactory(resident=resident)

    figures = monthly_meal_figures(year=DAY.year, month=DAY.month)

    assert [(last, first) for _id, last, first, _district, _meals in figures.per_resident] == IN_ORDER


def test_the_attendance_list_and_its_pdf_are_in_polish_order():
    session = workshop_session()
    for resident in register(Program.FEAD):
        Signup.objects.create(session=session, resident=resident, status=SignupStatus.CONFIRMED)

    sheet = attendance_sheet(session_id=session.pk)
    pdf = render_attendance_sheet(sheet=sheet, printed_at=NOW, printed_by="Grażyna Żak")

    assert names(sheet.rows) == IN_ORDER
    assert printed_order(pdf_text(pdf)) == IN_ORDER
