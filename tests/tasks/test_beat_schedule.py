"""Beat's entries live in tasks/beat.py and run at Warsaw wall-clock times."""

import copy
import datetime

import pytest

import tasks.tasks  # noqa: F401  (registers the tasks, as the worker's autodiscovery does)
from tasks.beat import BEAT_SCHEDULE
from tasks.celery import app
from tests.support import WARSAW


def schedule_of(name):
    return app.conf.beat_schedule[name]["schedule"]


def test_the_app_uses_the_schedule_module_and_warsaw_time():
    assert app.conf.beat_schedule is BEAT_SCHEDULE
    assert app.conf.timezone == "Europe/Warsaw"


@pytest.mark.parametrize(
    ("name", "task", "hour", "minute", "day_of_month"),
    [
        ("meal-roster-daily", "tasks.meal_roster_daily", 6, 0, set(range(1, 32))),
        ("attendance-lists-for-tomorrow", "tasks.attendance_lists_for_tomorrow", 18, 0, set(range(1, 32))),
        ("monthly-meals-previous-month", "tasks.monthly_meals_previous_month", 7, 0, {1}),
    ],
)
def test_each_document_job_runs_at_its_hour(name, task, hour, minute, day_of_month):
    entry = BEAT_SCHEDULE[name]
    assert entry["task"] == task
    assert entry["task"] in app.tasks
    assert entry["schedule"].hour == {hour}
    assert entry["schedule"].minute == {minute}
    assert entry["schedule"].day_of_month == day_of_month


@pytest.mark.parametrize("name", ["documents-sweep", "imports-sweep"])
def test_the_sweepers_run_every_five_minutes(name):
    entry = BEAT_SCHEDULE[name]
    assert entry["task"] in app.tasks
    assert entry["schedule"].minute == set(range(0, 60, 5))


@pytest.mark.parametrize(
    ("last_run", "expected_utc"),
    [
        # Summer time starts on 29 March 2026: 06:00 in Warsaw is then 04:00 UTC, not 05:00.
        (
            datetime.datetime(2026, 3, 28, 6, 0, tzinfo=WARSAW),
            datetime.datetime(2026, 3, 29, 4, 0, tzinfo=datetime.UTC),
        ),
        # Winter time starts on 25 October 2026: 06:00 in Warsaw is then 05:00 UTC.
        (
            datetime.datetime(2026, 10, 24, 6, 0, tzinfo=WARSAW),
            datetime.datetime(2026, 10, 25, 5, 0, tzinfo=datetime.UTC),
        ),
    ],
)
def test_the_roster_stays_at_six_in_warsaw_across_dst_changes(last_run, expected_utc):
    schedule = copy.copy(schedule_of("meal-roster-daily"))
    schedule.app = app
    now = last_run + datetime.timedelta(hours=6)
    schedule.nowfun = lambda: now
    next_run = now.astimezone(datetime.UTC) + schedule.remaining_estimate(last_run)  # elapsed time, not wall time
    assert next_run == expected_utc
    assert next_run.astimezone(WARSAW).time() == datetime.time(6, 0)
