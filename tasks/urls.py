"""Staff pages, mounted at / (config/urls.py)."""

from django.urls import path

from tasks.views import documents, imports, retention

app_name = "tasks"
urlpatterns = [
    path("documents/", documents.document_list, name="document-list"),
    path("imports/", imports.import_list, name="import-list"),
    path("imports/template.csv", imports.import_template, name="import-template"),
    path("imports/<int:pk>/", imports.import_detail, name="import-detail"),
    path("imports/<int:pk>/apply/", imports.import_apply, name="import-apply"),
    # Anonymisation reaches every app: its page stays under the resident's URL.
    path("residents/<int:pk>/anonymise/", retention.resident_anonymise_page, name="resident-anonymise"),
]
