"""Rosters, printable lists and reports; owns the Celery app (``celery -A tasks worker``)."""

from tasks.celery import app as celery_app

__all__ = ("celery_app",)
