"""Settings come from the environment, with defaults that need no server (docs/architecture.md#processes)."""

import json
import os
import subprocess
import sys

from tests.support import ROOT

PROBE = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "engine": settings.DATABASES["default"]["ENGINE"],
    "db_name": str(settings.DATABASES["default"]["NAME"]),
    "broker": settings.CELERY_BROKER_URL,
    "cache": settings.CACHES["default"]["BACKEND"],
    "debug": settings.DEBUG,
    "tz": settings.TIME_ZONE,
    "use_tz": settings.USE_TZ,
    "language": settings.LANGUAGE_CODE,
    "languages": [code for code, _ in settings.LANGUAGES],
    "hosts": settings.ALLOWED_HOSTS,
}))
"""


def _settings_with(tmp_path, **env) -> dict:
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DEBUG", "ALLOWED_HOSTS"}}
    clean.update({"DJANGO_SETTINGS_MODULE": "config.settings", "VAR_DIR": str(tmp_path / "var"), **env})
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=clean, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_without_environment_sqlite_and_filesystem_broker_live_under_var(tmp_path):
    values = _settings_with(tmp_path)
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["db_name"].startswith(str(tmp_path / "var"))
    assert values["broker"] == "filesystem://"
    assert values["cache"].endswith("FileBasedCache")
    assert values["debug"] is False


def test_database_and_redis_urls_select_postgresql_and_redis(tmp_path):
    values = _settings_with(
        tmp_path, DATABASE_URL="postgres://u:p@db.example:5432/cps", REDIS_URL="redis://cache.example:6379/0"
    )
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["db_name"] == "cps"
    assert values["broker"] == "redis://cache.example:6379/0"
    assert values["cache"] == "django.core.cache.backends.redis.RedisCache"


def test_warsaw_time_and_polish_first_with_english(tmp_path):
    values = _settings_with(tmp_path, DEBUG="1", ALLOWED_HOSTS="cps.example.org,localhost")
    assert values["tz"] == "Europe/Warsaw"
    assert values["use_tz"] is True
    assert values["language"] == "pl"
    assert values["languages"] == ["pl", "en"]
    assert values["debug"] is True
    assert values["hosts"] == ["cps.example.org", "localhost"]


def test_production_settings_pass_the_deploy_check_without_warnings(tmp_path):
    env = {
        k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECURE_SSL_REDIRECT", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        VAR_DIR=str(tmp_path / "var"),
        DEBUG="0",
        SECRET_KEY="x7Gv-9qLr2_mZp4KcT8wYbN3hJ6sDfA1eUoIiQ5lR0tXyV_cBnM",
        ALLOWED_HOSTS="cps.example.org",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
