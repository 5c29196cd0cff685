"""The service's URLs plus ``/bench/baseline/<id>/`` (see bench.baseline).

On a Polish public holiday the point is closed and every check-in would be refused, so the
benchmark would measure refusals: the server processes of the benchmark (which load this
module) still look the holiday up on every check-in, as production does, but ignore the answer.
"""

from django.urls import path

from bench.baseline import BaselineRow
from beneficiaries import calendar
from config.urls import urlpatterns as service_urlpatterns

_holiday_name = calendar.public_holiday_name


def _holiday_looked_up_but_ignored(day):
    _holiday_name(day)
    return None


calendar.public_holiday_name = _holiday_looked_up_but_ignored

urlpatterns = [
    path("bench/baseline/<int:pk>/", BaselineRow.as_view(), name="bench-baseline"),
    *service_urlpatterns,
]
