from django.urls import path

from .views import LoginView, LogoutAllView, LogoutView

app_name = "auth_token"

urlpatterns = [
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", LogoutView.as_view(), name="logout"),
    path("logout-all/", LogoutAllView.as_view(), name="logout-all"),
]
