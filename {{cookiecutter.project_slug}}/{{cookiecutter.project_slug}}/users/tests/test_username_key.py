"""``username_key`` gives every spelling the database's lookup takes for one user one key.

Counts keyed on a username (failed logins) must not let a spelling that finds the same user
open a count of its own: PostgreSQL's ``LOWER('kİte')`` is ``kite``, where Python's
``'kİte'.lower()`` keeps a combining dot.
"""

from django.db import connection

from {{ cookiecutter.project_slug }}.users.models import User, username_key

# Each code point whose LOWER differs from itself, with that LOWER, in one query: all of
# Unicode but NUL and the surrogates, which are not characters.
LOWERED_CODE_POINTS = {
    "postgresql": """
        SELECT chr(i), lower(chr(i)) FROM generate_series(1, 1114111) AS i
        WHERE i NOT BETWEEN 55296 AND 57343 AND lower(chr(i)) <> chr(i)
    """,
    "sqlite": """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1114111)
        SELECT char(i), lower(char(i)) FROM n
        WHERE i NOT BETWEEN 55296 AND 57343 AND lower(char(i)) <> char(i)
    """,
}


def test_every_character_keys_as_the_database_lowers_it(db):
    with connection.cursor() as cursor:
        cursor.execute(LOWERED_CODE_POINTS[connection.vendor])
        lowered = cursor.fetchall()

    assert lowered, "the database lowers no character"
    assert [
        (f"U+{ord(character):04X}", lower)
        for character, lower in lowered
        if username_key(character) != username_key(lower)
    ] == []


def test_spellings_the_lookup_takes_for_one_user_share_a_key(make_user):
    make_user("kite")
    spellings = ("kite", "KITE", "Kite", "k\u0130te", "K\u0130TE", "k\u0131te")

    found = [typed for typed in spellings if finds_a_user(typed)]

    assert {"kite", "KITE", "Kite"} <= set(found)
    assert {typed: username_key(typed) for typed in found} == dict.fromkeys(found, "kite")


def finds_a_user(typed):
    """Whether the login's lookup finds someone by ``typed``."""
    try:
        User.objects.get_by_natural_key(typed)
    except User.DoesNotExist:
        return False
    return True
