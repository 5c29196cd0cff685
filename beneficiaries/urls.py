"""Staff pages, mounted at /residents/ (config/urls.py)."""

from django.urls import path, re_path

from beneficiaries import views, views_reference, views_retention

KINDS = "|".join(views_reference.KINDS)

app_name = "beneficiaries"
urlpatterns = [
    path("", views.resident_list, name="resident-list"),
    path("new/", views.resident_create_page, name="resident-create"),
    path("<int:pk>/", views.resident_detail, name="resident-detail"),
    path("<int:pk>/edit/", views.resident_edit_page, name="resident-edit"),
    path("<int:pk>/entitlements/new/", views.entitlement_create_page, name="entitlement-create"),
    path("<int:pk>/anonymise/", views_retention.resident_anonymise_page, name="resident-anonymise"),
    path(
        "entitlements/<int:pk>/suspend/",
        views.entitlement_status_page,
        {"action": "suspend"},
        name="entitlement-suspend",
    ),
    path(
        "entitlements/<int:pk>/resume/",
        views.entitlement_status_page,
        {"action": "resume"},
        name="entitlement-resume",
    ),
    path("streets/", views_reference.street_list, name="street-list"),
    path("criteria/", views_reference.criteria, name="criteria"),
    path("closures/", views_reference.closure_list, name="closure-list"),
    re_path(rf"^(?P<kind>{KINDS})/(?P<pk>[0-9]{{1,18}})/edit/$", views_reference.reference_edit, name="reference-edit"),
    re_path(
        rf"^(?P<kind>{KINDS})/(?P<pk>[0-9]{{1,18}})/delete/$", views_reference.reference_remove, name="reference-delete"
    ),
]
