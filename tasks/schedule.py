"""Every periodic job of the service, in one place (Celery beat, Europe/Warsaw)."""

from celery.schedules import crontab

BEAT_SCHEDULE: dict = {
    # Entries are added by the documents work: the day's meal list at 06:00 on opening days,
    # each workshop's attendance list the day before at 18:00, the monthly report on the 1st.
    "heartbeat": {"task": "tasks.heartbeat", "schedule": crontab(minute="*/30")},
}
