import os

from celery import Celery

from tasks.beat import BEAT_SCHEDULE

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("tasks")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.update(
    timezone="Europe/Warsaw",
    enable_utc=True,
    # A worker killed mid-document must not lose it: acknowledge only after the work is done.
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    broker_connection_retry_on_startup=True,
    task_serializer="json",
    accept_content=["json"],
    result_expires=24 * 3600,
    beat_schedule=BEAT_SCHEDULE,
)
app.autodiscover_tasks()
