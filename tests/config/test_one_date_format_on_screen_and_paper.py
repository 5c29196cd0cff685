"""Dates read the same on every page and printout (docs/polish.md): 2.12.2026, the weekday in
lower case after it, times on the Warsaw clock whatever the server's or browser's zone."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from config.dates import day_text, day_with_weekday, moment_text, month_text
from tests.support import DAY, logged_in_client

WEDNESDAY = datetime.date(2026, 12, 2)


def test_a_day_has_no_leading_zero_and_a_two_digit_month():
    assert day_text(WEDNESDAY) == "2.12.2026"
    assert day_text(datetime.date(2026, 3, 4)) == "4.03.2026"


def test_the_weekday_follows_in_lower_case():
    with translation.override("pl"):
        assert day_with_weekday(WEDNESDAY) == "2.12.2026 (środa)"


def test_a_month_is_its_name_in_lower_case_and_the_year():
    with translation.override("pl"):
        assert month_text(2026, 12) == "grudzień 2026"


def test_a_moment_is_shown_on_the_warsaw_clock():
    late_in_utc = datetime.datetime(2026, 12, 2, 23, 30, tzinfo=datetime.UTC)

    assert moment_text(late_in_utc) == "3.12.2026 00:30"


def test_templates_use_the_same_format():
    moment = datetime.datetime(2026, 12, 2, 23, 30, tzinfo=datetime.UTC)
    template = Template("{% load days %}{{ d|day }}|{{ d|day_weekday }}|{{ m|moment }}|{{ m|day }}|{{ none|day }}")

    with translation.override("pl"):
        assert template.render(Context({"d": WEDNESDAY, "m": moment})) == (
            "2.12.2026|2.12.2026 (środa)|3.12.2026 00:30|3.12.2026|"
        )


@pytest.mark.django_db
def test_the_day_page_shows_the_day_in_that_format(distributor):
    page = logged_in_client(distributor).get(f"/meals/day/{DAY.isoformat()}/", HTTP_ACCEPT_LANGUAGE="pl")

    assert "4.03.2026 (środa)" in page.content.decode()
