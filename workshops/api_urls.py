from django.urls import path

from workshops import api

urlpatterns = [
    path("sessions/", api.SessionListCreateView.as_view(), name="workshop-session-list"),
    path("sessions/<int:pk>/", api.SessionDetailView.as_view(), name="workshop-session-detail"),
    path("sessions/<int:pk>/cancel/", api.SessionCancelView.as_view(), name="workshop-session-cancel"),
    path(
        "sessions/<int:pk>/mark-all-present/",
        api.SessionMarkAllPresentView.as_view(),
        name="workshop-session-mark-all-present",
    ),
    path("sessions/<int:pk>/signups/", api.SessionSignupsView.as_view(), name="workshop-session-signups"),
    path("sessions/<int:pk>/door/", api.SessionAdmitAtDoorView.as_view(), name="workshop-session-door"),
    path("signups/<int:pk>/", api.SignupDetailView.as_view(), name="workshop-signup-detail"),
    path("signups/<int:pk>/cancel/", api.SignupCancelView.as_view(), name="workshop-signup-cancel"),
    path("signups/<int:pk>/attendance/", api.SignupAttendanceView.as_view(), name="workshop-signup-attendance"),
    path("residents/<int:pk>/signups/", api.ResidentHistoryView.as_view(), name="workshop-resident-history"),
    path("figures/", api.FiguresView.as_view(), name="workshop-figures"),
]
