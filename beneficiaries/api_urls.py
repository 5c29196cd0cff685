"""Mounted at /api/v1/ (config/urls.py)."""

from django.urls import path

from beneficiaries.api import entitlements, reference, residents

urlpatterns = [
    path("residents/", residents.ResidentListApi.as_view(), name="api-resident-list"),
    path("residents/duplicates/", residents.ResidentDuplicatesApi.as_view(), name="api-resident-duplicates"),
    path("residents/<int:pk>/", residents.ResidentDetailApi.as_view(), name="api-resident-detail"),
    path("residents/<int:pk>/card/", residents.ResidentCardApi.as_view(), name="api-resident-card"),
    path(
        "residents/<int:pk>/entitlements/",
        entitlements.ResidentEntitlementsApi.as_view(),
        name="api-resident-entitlements",
    ),
    path(
        "residents/<int:pk>/eligibility/",
        entitlements.ResidentEligibilityApi.as_view(),
        name="api-resident-eligibility",
    ),
    path(
        "entitlements/<int:pk>/suspend/", entitlements.EntitlementSuspendApi.as_view(), name="api-entitlement-suspend"
    ),
    path("entitlements/<int:pk>/resume/", entitlements.EntitlementResumeApi.as_view(), name="api-entitlement-resume"),
    path("streets/", reference.StreetListApi.as_view(), name="api-street-list"),
    path("streets/district/", reference.StreetDistrictApi.as_view(), name="api-street-district"),
    path("streets/<int:pk>/", reference.StreetDetailApi.as_view(), name="api-street-detail"),
    path("closure-days/", reference.ClosureDayListApi.as_view(), name="api-closure-day-list"),
    path("closure-days/<int:pk>/", reference.ClosureDayDetailApi.as_view(), name="api-closure-day-detail"),
]
