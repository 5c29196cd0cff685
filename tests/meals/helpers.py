"""Helpers for the meal tests: a known opening day in Warsaw and residents who may eat on it."""

import datetime
import threading
import zoneinfo

from django.db import connection

from beneficiaries.models import Program
from tests.factories import EntitlementFactory, ResidentFactory

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")

# "Now" in most tests: Wednesday 4 March 2026, 11:30 in Warsaw, an ordinary opening day.
TODAY = datetime.date(2026, 3, 4)
NOW = datetime.datetime(2026, 3, 4, 11, 30, tzinfo=WARSAW)
ISSUES_URL = "/api/v1/meals/issues/"


def hot_meal_resident(day: datetime.date = TODAY, **resident_fields):
    """A resident of Chorzów Stary with a hot-meal decision from a month before ``day`` to two after."""
    resident = ResidentFactory(**resident_fields)
    EntitlementFactory(
        resident=resident,
        program=Program.HOT_MEAL,
        valid_from=day - datetime.timedelta(days=30),
        valid_to=day + datetime.timedelta(days=60),
    )
    return resident


def run_concurrently(count: int, work) -> list:
    """Run ``work(index)`` in ``count`` threads released at the same moment; results in order.

    Each thread closes its own database connection (django-oscar's ``run_concurrently``).
    """
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def target(index):
        try:
            barrier.wait()
            results[index] = work(index)
        except Exception as error:  # reported to the test, which asserts on it
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
