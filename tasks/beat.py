"""Celery beat's timetable: every periodic job of the service, in one place.

Times are Europe/Warsaw wall-clock times: the Celery app's ``timezone`` (tasks/celery.py), so
06:00 stays 06:00 across the DST changes. Each job is idempotent (one roster per day, one list
per session, one report per month), so a beat that fires twice creates nothing twice. Messages
expire, so a job queued while no worker ran does not do yesterday's work tomorrow.
"""

from celery.schedules import crontab

HOUR = 3600

BEAT_SCHEDULE: dict = {
    "heartbeat": {"task": "tasks.heartbeat", "schedule": crontab(minute="*/30")},
    # The day's meal list (the task does nothing on closed days).
    "meal-roster-daily": {
        "task": "tasks.meal_roster_daily",
        "schedule": crontab(hour=6, minute=0),
        "options": {"expires": 6 * HOUR},
    },
    # Each workshop's attendance list, the day before.
    "attendance-lists-for-tomorrow": {
        "task": "tasks.attendance_lists_for_tomorrow",
        "schedule": crontab(hour=18, minute=0),
        "options": {"expires": 5 * HOUR},  # before midnight, when "tomorrow" would change
    },
    # The previous month's meal report.
    "monthly-meals-previous-month": {
        "task": "tasks.monthly_meals_previous_month",
        "schedule": crontab(hour=7, minute=0, day_of_month=1),
        "options": {"expires": 12 * HOUR},
    },
    # Anonymise residents past retention (settings.RETENTION_YEARS), at night when nobody works.
    "residents-anonymise-due": {
        "task": "tasks.residents_anonymise_due",
        "schedule": crontab(hour=2, minute=30),
        "options": {"expires": 3 * HOUR},
    },
    # The nightly backup (tasks/backup.py), after the anonymisation, so no archive keeps what it
    # removed. 03:30 happens exactly once on both nights the clocks change.
    "backup-nightly": {
        "task": "tasks.backup_nightly",
        "schedule": crontab(hour=3, minute=30),
        "options": {"expires": 3 * HOUR},
    },
    # Re-queue documents left pending (broker down, worker killed), fail those out of attempts.
    "documents-sweep": {
        "task": "tasks.documents_sweep",
        "schedule": crontab(minute="*/5"),
        "options": {"expires": 4 * 60},
    },
    # The same for imports, and uploaded files removed once no longer needed (tasks/imports.py).
    "imports-sweep": {
        "task": "tasks.imports_sweep",
        "schedule": crontab(minute="*/5"),
        "options": {"expires": 4 * 60},
    },
}
