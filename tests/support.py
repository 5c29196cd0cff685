"""What every app's tests share besides fixtures and factories: the repository, the known day,
threads released at once, a logged-in client, and "nothing changed"."""

import contextlib
import datetime
import threading
import zoneinfo
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

ROOT = Path(__file__).resolve().parents[1]  # the repository: manage.py, docs, the Dockerfile
WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")

# The tests' ordinary opening day: Wednesday 4 March 2026; "now" is 11:30 in Warsaw on it.
DAY = datetime.date(2026, 3, 4)
NOW = datetime.datetime(2026, 3, 4, 11, 30, tzinfo=WARSAW)


# --- Real threads -----------------------------------------------------------------------------


class Outcomes(list):
    """What each call of ``run_concurrently`` returned or raised, in the order of its arguments."""

    @property
    def returned(self) -> list:
        return [outcome for outcome in self if not isinstance(outcome, BaseException)]

    @property
    def raised(self) -> list[BaseException]:
        return [outcome for outcome in self if isinstance(outcome, BaseException)]


def run_concurrently(function, arguments) -> Outcomes:
    """Call ``function(argument)`` for each argument in a thread of its own, all released at once.

    Each thread has its own database connection, closed at its end, as separate web workers
    would (django-oscar's ``run_concurrently``). What a call raises is its outcome, not an error
    of the test: the test asserts on it.
    """
    arguments = list(arguments)
    barrier = threading.Barrier(len(arguments))
    outcomes = Outcomes([None] * len(arguments))

    def run(index, argument):
        try:
            barrier.wait(timeout=30)
            outcomes[index] = function(argument)
        except BaseException as error:  # noqa: BLE001 - the outcome under test
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, argument)) for i, argument in enumerate(arguments)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a concurrent call never finished"
    return outcomes


# --- Clients ------------------------------------------------------------------------------------


def logged_in_client(user, **defaults) -> Client:
    """Django's test client (a browser without JavaScript) with ``user`` logged in."""
    client = Client(**defaults)
    client.force_login(user)
    return client


# --- "Nothing changed" --------------------------------------------------------------------------

# Whose rows a refused request must leave alone: the project's apps (the audit trail is config's),
# staff accounts and their API tokens.
WATCHED_APPS = ("config", "beneficiaries", "meals", "workshops", "tasks", "knox")


def _watched_models() -> list:
    models = [model for label in WATCHED_APPS for model in apps.get_app_config(label).get_models()]
    return [*models, get_user_model()]


def _rows() -> dict[str, list[tuple]]:
    return {model._meta.label: list(model._base_manager.order_by("pk").values_list()) for model in _watched_models()}


@contextlib.contextmanager
def nothing_changed(*, unless: bool = False):
    """Assert that the block leaves every watched row as it was: no row added, changed or removed,
    no audit event written. Wrap the request that must be refused::

        with nothing_changed():
            response = client.post(url, bad_body, format="json")

    ``unless=True`` checks nothing, for loops where some callers are allowed to change things.
    """
    if unless:
        yield
        return
    before = _rows()
    yield
    after = _rows()
    changed = {
        table: f"{len(before[table])} rows before, {len(after[table])} after"
        for table in before
        if before[table] != after[table]
    }
    assert not changed, f"a refused request changed the database: {changed}"
