from django.urls import path

from tasks import api

urlpatterns = [
    path("", api.DocumentListCreate.as_view(), name="api-document-list"),
    path("<int:pk>/", api.DocumentDetail.as_view(), name="api-document-detail"),
    path("<int:pk>/file/", api.DocumentFile.as_view(), name="api-document-file"),
    path("<int:pk>/file/csv/", api.DocumentCsvFile.as_view(), name="api-document-csv"),
]
