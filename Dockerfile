FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=config.settings \
    VAR_DIR=/app/var BACKUP_DIR=/app/backups
WORKDIR /app

# curl for the health check; pg_dump/pg_restore/psql for backups (tasks/backup.py), of the same
# major version as the db service's postgres:15 (Debian bookworm's PostgreSQL is 15).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl postgresql-client-15 \
 && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
# Static files belong to the image (STATIC_ROOT=/app/staticfiles): a new release brings its own.
# The cps user (uid 999) owns only what the service writes: var/ and the backups folder.
RUN DEBUG=1 python manage.py collectstatic --noinput \
 && groupadd --system --gid 999 cps \
 && useradd --system --uid 999 --gid cps --home-dir /app --no-create-home cps \
 && mkdir -p /app/var /app/backups && chown -R cps:cps /app/var /app/backups && chmod 700 /app/backups
USER cps

EXPOSE 8000
# No gunicorn control socket: nothing here uses gunicornc, and $HOME (/app) is not writable.
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-", "--no-control-socket"]
