"""The second factors of a user: a TOTP authenticator and its recovery codes.

Every check of a code goes through ``verify_code``, inside a transaction, with the user's
devices locked: django-otp records the last TOTP step used and the failures on the device
row, so concurrent checks of one code (two workers, two logins) see each other's writes
and a code works once. Each check is announced (``mfa.succeeded``, ``mfa.failed``), and so
is each factor issued (``credential.issued``).
"""

import math
from base64 import b32encode
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from {{ cookiecutter.project_slug }}.core.events import announce

from .models import (
    RecoveryCode,
    RecoveryCodeDevice,
    digest,
    new_recovery_code,
    normalize_recovery_code,
)

RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "authenticator"


@dataclass(frozen=True)
class Verification:
    """How a code checked out: the factor it matched, or why it did not."""

    # "totp" or "recovery_code" when the code was right (and is now spent).
    method: str | None = None
    # Seconds before this user's codes are checked again: django-otp's back-off after wrong
    # codes (1 s after the first, doubling with each).
    retry_after: int | None = None


def has_mfa(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def mfa_required(user):
    """Whether this deployment requires a second factor of ``user`` (``MFA_REQUIRED``)."""
    return settings.MFA_REQUIRED == "all" or (settings.MFA_REQUIRED == "staff" and user.is_staff)


def retry_after(device):
    """Seconds left in django-otp's back-off for ``device``, or None when it may verify."""
    allowed, _ = device.verify_is_allowed()
    if allowed:
        return None
    delay = device.get_throttle_factor() * 2 ** (device.throttling_failure_count - 1)
    left = device.throttling_failure_timestamp.timestamp() + delay - timezone.now().timestamp()
    return max(1, math.ceil(left))


def verify_code(user, code):
    """Check ``code`` (a TOTP code, or a recovery code) for ``user`` and spend it when right.

    Call inside a transaction: the user's devices stay locked until it ends.
    """
    verification = check_code(user, "".join(str(code).split()))
    announce_check(user, verification)
    return verification


def check_code(user, code):
    totp = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
    if totp is None:
        return Verification()
    if code.isdigit():
        device, method = totp, "totp"
    else:
        device = RecoveryCodeDevice.objects.select_for_update().filter(user=user).first()
        method = "recovery_code"
        if device is None:
            return Verification()
    wait = retry_after(device)
    if wait is not None:
        return Verification(retry_after=wait)
    if device.verify_token(code):
        return Verification(method=method)
    return Verification()


def announce_check(user, verification):
    if verification.method is not None:
        announce("mfa.succeeded", actor=user, method=verification.method)
    else:
        reason = "invalid_code" if verification.retry_after is None else "backoff"
        announce("mfa.failed", actor=user, reason=reason)


def confirm_totp(device, code):
    """Turn on ``device`` (locked, not yet confirmed) if ``code`` comes from it."""
    wait = retry_after(device)
    if wait is not None:
        verification = Verification(retry_after=wait)
    elif device.verify_token("".join(str(code).split())):
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        announce("credential.issued", actor=device.user, kind="totp_device")
        return Verification(method="totp")
    else:
        verification = Verification()
    announce_check(device.user, verification)
    return verification


def base32_secret(device):
    """The secret as authenticator apps take it typed in."""
    return b32encode(device.bin_key).decode()


def recovery_codes_left(user):
    return RecoveryCode.objects.filter(device__user=user).count()


def start_totp(user):
    """A new, unconfirmed authenticator for ``user`` (replacing one not yet confirmed)."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)


def pending_totp(user):
    """The authenticator ``user`` is setting up, locked; None if they have not started."""
    return TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()


def new_recovery_codes(user):
    """Replace ``user``'s recovery codes with a fresh set; return the raw codes, shown once."""
    device, _ = RecoveryCodeDevice.objects.get_or_create(
        user=user, defaults={"name": "recovery codes", "confirmed": True}
    )
    device.codes.all().delete()
    codes = [new_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    RecoveryCode.objects.bulk_create(
        RecoveryCode(device=device, digest=digest(normalize_recovery_code(code))) for code in codes
    )
    announce("credential.issued", actor=user, kind="recovery_codes", count=len(codes))
    return codes


def remove_mfa(user):
    """Forget every second factor of ``user``."""
    TOTPDevice.objects.filter(user=user).delete()
    RecoveryCodeDevice.objects.filter(user=user).delete()
