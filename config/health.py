"""Liveness of the two things the service leans on, for /healthz (docs/api.md#health)."""

import os

import redis
from django.conf import settings
from django.db import connection

BROKER_TIMEOUT_SECONDS = 0.5


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any driver error means "down" to the caller
        return False


def broker_ok() -> bool:
    """True when the Celery broker accepts work; answers within a second even when it is down."""
    if not settings.REDIS_URL:
        folder = settings.CELERY_BROKER_TRANSPORT_OPTIONS["data_folder_in"]
        return os.path.isdir(folder) and os.access(folder, os.W_OK)
    client = redis.Redis.from_url(
        settings.REDIS_URL,
        socket_connect_timeout=BROKER_TIMEOUT_SECONDS,
        socket_timeout=BROKER_TIMEOUT_SECONDS,
    )
    try:
        return bool(client.ping())
    except redis.RedisError:
        return False
    finally:
        client.close()
