from django.urls import path

from tasks import views

app_name = "tasks"
urlpatterns = [
    path("", views.document_list, name="document-list"),
]
