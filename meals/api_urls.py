from django.urls import path

from meals import api
from meals import converters as _converters  # noqa: F401  (registers <meal_date:...>)

urlpatterns = [
    path("issues/", api.MealIssueListCreate.as_view(), name="api-meal-issues"),
    path("issues/<int:pk>/void/", api.MealIssueVoid.as_view(), name="api-meal-issue-void"),
    path("days/<meal_date:day>/", api.MealDayDetail.as_view(), name="api-meal-day"),
    path("days/<meal_date:day>/summary/", api.MealDaySummary.as_view(), name="api-meal-day-summary"),
    path("days/<meal_date:day>/plan/", api.MealDayPlan.as_view(), name="api-meal-day-plan"),
    path("today/", api.MealTodaySummary.as_view(), name="api-meal-today"),
    path("offline-pack/", api.MealOfflinePack.as_view(), name="api-meal-offline-pack"),
    path("check/", api.CheckinStateView.as_view(), name="api-meal-check"),
    path("prices/", api.MealPriceListCreate.as_view(), name="api-meal-prices"),
    path("residents/", api.CounterSearch.as_view(), name="api-meal-residents"),
]
