import uuid

from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """The project's user, in place from the first migration so it can grow later.

    The primary key is a UUID: user ids appear in API responses and must not be guessable
    or reveal how many users exist.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    email = models.EmailField("email address", unique=True)
