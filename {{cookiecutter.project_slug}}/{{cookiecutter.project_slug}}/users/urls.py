{%- set password_login = cookiecutter.auth_session or cookiecutter.auth_token or cookiecutter.auth_jwt -%}
from django.urls import path

{% if password_login -%}
from .registration import RegisterView
{% endif -%}
from .views import MeView

app_name = "users"

urlpatterns = [
{%- if password_login %}
    path("register/", RegisterView.as_view(), name="register"),
{%- endif %}
    path("me/", MeView.as_view(), name="me"),
]
