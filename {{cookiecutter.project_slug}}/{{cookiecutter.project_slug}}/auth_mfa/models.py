import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_otp.models import Device, ThrottlingMixin, TimestampMixin


def digest(secret):
    """SHA-256 of a high-entropy secret: enough to find it, useless to whoever reads it."""
    return hashlib.sha256(secret.encode()).hexdigest()


class ChallengeQuerySet(models.QuerySet):
    def live(self):
        return self.filter(expires_at__gt=timezone.now())

    def for_token(self, token, purpose):
        """The live challenge an ``mfa_token`` names, locked until the transaction ends."""
        return (
            self.live()
            .select_for_update()
            .select_related("user")
            .filter(digest=digest(token), purpose=purpose, user__is_active=True)
            .first()
        )

    def issue(self, user, strategy, purpose):
        """Open a challenge for ``user``'s login through ``strategy``; return its raw token.

        The raw token is in this answer only; the database keeps its digest. The user's
        expired challenges go at the same time, so they never pile up.
        """
        self.filter(user=user, expires_at__lte=timezone.now()).delete()
        token = secrets.token_urlsafe(32)
        self.create(
            user=user,
            strategy=strategy,
            purpose=purpose,
            digest=digest(token),
            expires_at=timezone.now() + timedelta(minutes=settings.MFA_TOKEN_MINUTES),
        )
        return token


class Challenge(models.Model):
    """A password login waiting for its second factor, named by a short-lived ``mfa_token``.

    Bound to the user and to the login's strategy, whose credential it turns into; spent
    by the first success, or after ``MFA_TOKEN_ATTEMPTS`` wrong codes.
    """

    # Wrong codes an mfa_token survives.
    MAX_FAILURES = 5

    class Purpose(models.TextChoices):
        VERIFY = "verify", "verify a code"
        ENROL = "enrol", "set up a second factor"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    strategy = models.CharField(max_length=20)
    purpose = models.CharField(max_length=10, choices=Purpose.choices)
    digest = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(db_index=True)
    failures = models.PositiveSmallIntegerField(default=0)

    objects = ChallengeQuerySet.as_manager()

    def __str__(self):
        return f"{self.purpose} {self.strategy} login of {self.user}"


class RecoveryCodeDevice(TimestampMixin, ThrottlingMixin, Device):
    """A user's recovery codes, as a django-otp device: each code works once.

    django-otp's own static device stores its codes in plaintext; this one keeps a digest
    of each (``RecoveryCode``). Wrong codes back off as for TOTP codes.
    """

    class Meta(Device.Meta):
        verbose_name = "recovery code device"

    def verify_token(self, token):
        allowed, _ = self.verify_is_allowed()
        if not allowed:
            return False
        deleted, _ = self.codes.filter(digest=digest(normalize_recovery_code(token))).delete()
        if deleted:
            self.throttle_reset(commit=False)
            self.set_last_used_timestamp(commit=False)
            self.save()
        else:
            self.throttle_increment()
        return bool(deleted)

    def get_throttle_factor(self):
        return getattr(settings, "OTP_TOTP_THROTTLE_FACTOR", 1)


class RecoveryCode(models.Model):
    device = models.ForeignKey(RecoveryCodeDevice, on_delete=models.CASCADE, related_name="codes")
    digest = models.CharField(max_length=64)

    def __str__(self):
        return f"recovery code of {self.device.user}"


# 16 characters of base 32 (80 bits) per code, shown in groups of four.
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
RECOVERY_CODE_LENGTH = 16


def normalize_recovery_code(code):
    """Codes are compared without case, spaces or dashes, as people type them."""
    return "".join(code.split()).replace("-", "").upper()


def new_recovery_code():
    raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, RECOVERY_CODE_LENGTH, 4))
