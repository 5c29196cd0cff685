from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from config import api, errors, login, views

# Under /api/ even Django's own errors answer in the API's JSON shape (config/errors.py).
handler400 = errors.bad_request
handler404 = errors.page_not_found
handler500 = errors.server_error

api_v1 = [
    path("auth/token/", api.TokenLoginView.as_view(), name="api-token"),
    path("auth/logout/", api.TokenLogoutView.as_view(), name="api-token-logout"),
    path("audit/", api.AuditEventList.as_view(), name="api-audit"),
    path("", include("beneficiaries.api_urls")),
    path("meals/", include("meals.api_urls")),
    path("workshops/", include("workshops.api_urls")),
    path("", include("tasks.api_urls")),
]

# /healthz is answered by config.middleware.HealthCheckMiddleware, ahead of host validation.
urlpatterns = [
    path("", views.home, name="home"),
    path("login/", login.ThrottledLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("audit/", views.audit_page, name="audit"),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", api.ApiDocsView.as_view(url_name="schema"), name="api-docs"),
    path("residents/", include("beneficiaries.urls")),
    path("meals/", include("meals.urls")),
    path("workshops/", include("workshops.urls")),
    path("", include("tasks.urls")),
]
