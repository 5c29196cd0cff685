"""Staff pages, mounted at / (config/urls.py)."""

from django.urls import path

from tasks.views import documents, retention

app_name = "tasks"
urlpatterns = [
    path("documents/", documents.document_list, name="document-list"),
    # Anonymisation reaches every app: its page stays under the resident's URL.
    path("residents/<int:pk>/anonymise/", retention.resident_anonymise_page, name="resident-anonymise"),
]
