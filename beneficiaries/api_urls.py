"""Mounted at /api/v1/ (config/urls.py)."""

from django.urls import path

from beneficiaries import api, api_reference, api_retention

urlpatterns = [
    path("residents/", api.ResidentListApi.as_view(), name="api-resident-list"),
    path("residents/duplicates/", api.ResidentDuplicatesApi.as_view(), name="api-resident-duplicates"),
    path("residents/<int:pk>/", api.ResidentDetailApi.as_view(), name="api-resident-detail"),
    path("residents/<int:pk>/card/", api.ResidentCardApi.as_view(), name="api-resident-card"),
    path("residents/<int:pk>/entitlements/", api.ResidentEntitlementsApi.as_view(), name="api-resident-entitlements"),
    path("residents/<int:pk>/eligibility/", api.ResidentEligibilityApi.as_view(), name="api-resident-eligibility"),
    path("residents/<int:pk>/export/", api_retention.ResidentExportApi.as_view(), name="api-resident-export"),
    path("residents/<int:pk>/anonymise/", api_retention.ResidentAnonymiseApi.as_view(), name="api-resident-anonymise"),
    path("entitlements/<int:pk>/suspend/", api.EntitlementSuspendApi.as_view(), name="api-entitlement-suspend"),
    path("entitlements/<int:pk>/resume/", api.EntitlementResumeApi.as_view(), name="api-entitlement-resume"),
    path("streets/", api_reference.StreetListApi.as_view(), name="api-street-list"),
    path("streets/district/", api_reference.StreetDistrictApi.as_view(), name="api-street-district"),
    path("streets/<int:pk>/", api_reference.StreetDetailApi.as_view(), name="api-street-detail"),
    path("closure-days/", api_reference.ClosureDayListApi.as_view(), name="api-closure-day-list"),
    path("closure-days/<int:pk>/", api_reference.ClosureDayDetailApi.as_view(), name="api-closure-day-detail"),
]
