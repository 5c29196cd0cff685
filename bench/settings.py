"""The service's own settings, plus what only the benchmark needs.

- ``bench.urls``: every URL of the service, plus the baseline endpoint of ``bench.baseline``.
- The meal point is open seven days a week (and the loader gives every decision all seven
  weekdays), so that the benchmark measures check-ins on whatever day it runs. Public holidays
  and closure days are still looked up on every check-in, as in production.
"""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
MEAL_POINT_WEEKDAYS = (1, 2, 3, 4, 5, 6, 7)
