from django.urls import path

from .views import (
    ConfirmView,
    DisableView,
    RecoveryCodesView,
    SetupView,
    StatusView,
    VerifyView,
)

app_name = "auth_mfa"

urlpatterns = [
    path("", StatusView.as_view(), name="status"),
    path("totp/setup/", SetupView.as_view(), name="totp-setup"),
    path("totp/confirm/", ConfirmView.as_view(), name="totp-confirm"),
    path("verify/", VerifyView.as_view(), name="verify"),
    path("recovery-codes/", RecoveryCodesView.as_view(), name="recovery-codes"),
    path("disable/", DisableView.as_view(), name="disable"),
]
