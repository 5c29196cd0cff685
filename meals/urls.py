from django.urls import path

from meals import converters as _converters  # noqa: F401  (registers <meal_date:...>)
from meals import views

app_name = "meals"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("counter/", views.counter, name="counter"),
    path("counter/sw.js", views.counter_service_worker, name="counter-service-worker"),
    path("day/", views.day, name="day"),
    path("day/<meal_date:day>/", views.day, name="day-detail"),
    path("residents/<int:pk>/", views.resident_history, name="resident-history"),
    path("prices/", views.prices, name="prices"),
    path("paper/", views.paper_list, name="paper"),
    path("paper/<meal_date:day>/", views.paper_list, name="paper-list"),
]
