"""Staff pages, mounted at /residents/ (config/urls.py)."""

from django.urls import path, re_path

from beneficiaries.views import entitlements, reference, residents

KINDS = "|".join(reference.KINDS)

app_name = "beneficiaries"
urlpatterns = [
    path("", residents.resident_list, name="resident-list"),
    path("new/", residents.resident_create_page, name="resident-create"),
    path("<int:pk>/", residents.resident_detail, name="resident-detail"),
    path("<int:pk>/edit/", residents.resident_edit_page, name="resident-edit"),
    path("<int:pk>/entitlements/new/", entitlements.entitlement_create_page, name="entitlement-create"),
    path(
        "entitlements/<int:pk>/suspend/",
        entitlements.entitlement_status_page,
        {"action": "suspend"},
        name="entitlement-suspend",
    ),
    path(
        "entitlements/<int:pk>/resume/",
        entitlements.entitlement_status_page,
        {"action": "resume"},
        name="entitlement-resume",
    ),
    path("streets/", reference.street_list, name="street-list"),
    path("criteria/", reference.criteria, name="criteria"),
    path("closures/", reference.closure_list, name="closure-list"),
    re_path(rf"^(?P<kind>{KINDS})/(?P<pk>[0-9]{{1,18}})/edit/$", reference.reference_edit, name="reference-edit"),
    re_path(rf"^(?P<kind>{KINDS})/(?P<pk>[0-9]{{1,18}})/delete/$", reference.reference_remove, name="reference-delete"),
]
