"""The session engine used with a shared cache: Django's cached_db, refusing forged keys."""

import pytest
from django.core.cache import cache

from {{ cookiecutter.project_slug }}.core.sessions import SessionStore


def test_a_session_is_read_back_from_the_cache_without_a_query(db, django_assert_num_queries):
    store = SessionStore()
    store["user"] = "alice"
    store.save()

    with django_assert_num_queries(0):
        assert SessionStore(store.session_key).load() == {"user": "alice"}


@pytest.mark.parametrize("cookie", ["x" * 500, "garbage", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"])
def test_a_cookie_that_cannot_be_a_session_key_is_never_looked_up(db, monkeypatch, cookie):
    looked_up = []
    get = cache.get
    monkeypatch.setattr(cache, "get", lambda key, *args: looked_up.append(key) or get(key, *args))

    assert SessionStore(cookie).load() == {}
    assert looked_up
    assert not [key for key in looked_up if cookie in key]
