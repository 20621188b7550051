import unicodedata
import uuid

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Value
from django.db.models.functions import Lower

# The one character whose lowercase form is longer than itself in Python (``str.lower``
# follows Unicode's full mappings): U+0130, capital I with a dot above, is "i" and a
# combining dot there. The databases' ``LOWER`` map each character to one (PostgreSQL
# through the C library or ICU: "i"; SQLite only folds ASCII).
SIMPLE_LOWERCASE = str.maketrans({"\u0130": "i"})


def username_key(username):
    """What a count keyed on ``username`` (failed logins, say) is keyed on.

    Every spelling that finds the same user gets the same key, so no spelling opens a count
    of its own: the key lowers each character as the database's ``LOWER`` does in the
    lookup below, then merges more (compatibility forms, case folding), which at worst
    shares a count between spellings that find nobody.
    """
    lowered = str(username).translate(SIMPLE_LOWERCASE).lower()
    return unicodedata.normalize("NFKC", lowered).casefold()


class CaseInsensitiveUserManager(UserManager):
    """Finds a user by username whatever its case, the way the unique constraint compares.

    Every login (the admin, the API, ``createsuperuser``'s check) goes through
    ``get_by_natural_key``, so ``Alice`` logs in as ``alice``; every command and view that
    takes a typed username goes through ``named`` too, so ``Alice`` names the same account
    there as at the login, never nobody, and never a second account beside ``alice``.
    """

    def named(self, username):
        """The users ``username`` names as a login compares it: at most one.

        A queryset, so that a caller narrows it (active users only) or looks through it
        (the memberships of that user) instead of comparing names in a way of its own.
        """
        return self.alias(username_lower=Lower("username")).filter(
            username_lower=Lower(Value(username))
        )

    def get_by_username(self, username):
        """The user ``username`` names, as at the login; ``User.DoesNotExist`` if nobody."""
        return self.named(username).get()

    def get_by_natural_key(self, username):
        return self.get_by_username(username)


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
