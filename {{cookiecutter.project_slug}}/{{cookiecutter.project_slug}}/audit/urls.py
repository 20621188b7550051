from django.urls import path

from .views import EventListView

app_name = "audit"

urlpatterns = [
    path("events/", EventListView.as_view(), name="events"),
]
