"""The project's URLs, and two views that refuse, to see refusals recorded."""

from django.urls import path
from rest_framework import exceptions, permissions
from rest_framework.views import APIView

from config.urls import urlpatterns as project_urlpatterns


class RefusingView(APIView):
    permission_classes = [permissions.AllowAny]

    def get(self, request):
        raise exceptions.PermissionDenied("Not for you.")


class SlowDownView(APIView):
    permission_classes = [permissions.AllowAny]

    def get(self, request):
        raise exceptions.Throttled(wait=30)


urlpatterns = [
    *project_urlpatterns,
    path("api/tests/refused/", RefusingView.as_view()),
    path("api/tests/throttled/", SlowDownView.as_view()),
]
