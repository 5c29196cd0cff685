from django.urls import path

from workshops import views

app_name = "workshops"
urlpatterns = [
    path("", views.session_list, name="session-list"),
    path("new/", views.session_create, name="session-create"),
    path("figures/", views.figures, name="figures"),
    path("<int:pk>/", views.session_detail, name="session-detail"),
    path("<int:pk>/signups/", views.signup_create, name="signup-create"),
    path("<int:pk>/capacity/", views.session_capacity, name="session-capacity"),
    path("<int:pk>/cancel/", views.session_cancel, name="session-cancel"),
    path("<int:pk>/door/", views.session_admit_at_door, name="session-door"),
    path("<int:pk>/mark-all-present/", views.session_mark_all_present, name="session-mark-all-present"),
    path("signups/<int:pk>/cancel/", views.signup_cancel, name="signup-cancel"),
    path("signups/<int:pk>/attendance/", views.signup_attendance, name="signup-attendance"),
    path("residents/<int:pk>/", views.resident_history, name="resident-history"),
]
