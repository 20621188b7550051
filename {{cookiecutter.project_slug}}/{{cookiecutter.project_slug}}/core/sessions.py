"""Sessions read from the shared cache and written through to the database.

Django's ``cached_db`` engine, refusing at once a cookie that cannot be a session key:
otherwise any string a client sends, however long, becomes a cache key to look up.
"""

import re

from django.contrib.sessions.backends import cached_db

# What Django's session keys are made of (``get_random_string(32, ...)``).
SESSION_KEY = re.compile(r"[a-z0-9]{32}")


class SessionStore(cached_db.SessionStore):
    def _validate_session_key(self, key):
        return bool(key) and SESSION_KEY.fullmatch(key) is not None
