"""Mounted at /api/v1/ (config/urls.py)."""

from django.urls import path

from tasks.api import documents, imports, retention

urlpatterns = [
    path("documents/", documents.DocumentListCreate.as_view(), name="api-document-list"),
    path("documents/<int:pk>/", documents.DocumentDetail.as_view(), name="api-document-detail"),
    path("documents/<int:pk>/file/", documents.DocumentFile.as_view(), name="api-document-file"),
    path("documents/<int:pk>/file/csv/", documents.DocumentCsvFile.as_view(), name="api-document-csv"),
    path("imports/", imports.ImportCreate.as_view(), name="api-import-create"),
    path("imports/<int:pk>/", imports.ImportDetail.as_view(), name="api-import-detail"),
    # The right of access and erasure reach every app: their URLs stay under the resident's.
    path("residents/<int:pk>/export/", retention.ResidentExportApi.as_view(), name="api-resident-export"),
    path("residents/<int:pk>/anonymise/", retention.ResidentAnonymiseApi.as_view(), name="api-resident-anonymise"),
]
