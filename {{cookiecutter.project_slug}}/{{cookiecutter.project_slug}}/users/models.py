import uuid

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Value
from django.db.models.functions import Lower


class CaseInsensitiveUserManager(UserManager):
    """Finds a user by username whatever its case, the way the unique constraint compares.

    Every login (the admin, the API, ``createsuperuser``'s check) goes through
    ``get_by_natural_key``, so ``Alice`` logs in as ``alice``.
    """

    def get_by_natural_key(self, username):
        return self.alias(username_lower=Lower("username")).get(
            username_lower=Lower(Value(username))
        )


class User(AbstractUser):
    """The project's user, in place from the first migration so it can grow later.

    The primary key is a UUID: user ids appear in API responses and must not be guessable
    or reveal how many users exist. Usernames keep the case they were given but are unique
    whatever the case, so ``Alice`` cannot pass for ``alice``.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    email = models.EmailField("email address", unique=True)

    objects = CaseInsensitiveUserManager()

    class Meta(AbstractUser.Meta):
        constraints = [
            models.UniqueConstraint(
                Lower("username"),
                name="users_username_unique_ci",
                violation_error_message="A user with that username already exists.",
            )
        ]
