from django.urls import path

from .views import CsrfView, LoginView, LogoutView

app_name = "auth_session"

urlpatterns = [
    path("csrf/", CsrfView.as_view(), name="csrf"),
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", LogoutView.as_view(), name="logout"),
]
