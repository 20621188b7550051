"""GET /api/audit/events/: staff read every event, newest first, filtered and paged by cursor."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.audit.models import AuditEvent
from {{ cookiecutter.project_slug }}.audit.recorder import record

URL = "/api/audit/events/"


@pytest.fixture
def staff(make_user):
    return make_user("root", is_staff=True)


def staff_client(staff):
    client = APIClient()
    client.force_authenticate(staff)
    return client


def test_staff_read_every_event_newest_first(staff, user, other_user):
    record("first.event", actor=user)
    record("second.event", actor=other_user, reason="checked")

    response = staff_client(staff).get(URL)

    assert response.status_code == 200
    events = response.json()["results"]
    assert [event["event"] for event in events] == ["second.event", "first.event"]
    assert events[0]["actor"] == str(other_user.pk)
    assert events[0]["actor_username"] == "bob"
    assert events[0]["details"] == {"reason": "checked"}


def test_other_callers_are_refused(strategy, login, user):
    assert login(user).get(URL).status_code == 403


def readme_section(heading):
    """The words of the README's section headed ``## <heading>``, one space apart."""
    readme = (settings.BASE_DIR / "README.md").read_text(encoding="utf-8")
    return " ".join(readme.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0].split())


def test_the_administrator_of_the_readme_reads_every_event(strategy, login, run_admin_step, user):
    record("first.event", actor=user)
    administrator = run_admin_step()

    response = login(administrator.user, administrator.password).get(URL)

    assert response.status_code == 200, response.content
    assert "first.event" in [event["event"] for event in response.json()["results"]]


def test_the_demo_user_reads_the_events_as_the_readme_says(strategy, login, run_demo_user):
    """The README names this endpoint as the one the demo user cannot use, unless the
    permission model gives the demo user a part of the data whose events it reads."""
    refused = f"but `GET {URL}`, which is for staff" in readme_section("Run it locally")
    demo = run_demo_user()

    response = login(demo.user, demo.password).get(URL)

    assert response.status_code == (403 if refused else 200), response.content


def test_anonymous_callers_must_authenticate(db):
    assert APIClient().get(URL).status_code == 401


def test_events_filter_by_type_actor_and_time(staff, user, other_user):
    record("login.failed", actor=user)
    record("login.failed", actor=other_user)
    record("logout", actor=user)
    old = AuditEvent.objects.create(event="login.failed", actor=user)
    AuditEvent.objects.filter(pk=old.pk).update(occurred_at=timezone.now() - timedelta(days=3))
    client = staff_client(staff)

    def ids(**params):
        return [event["id"] for event in client.get(URL, params).json()["results"]]

    assert len(ids(event="login.failed")) == 3
    assert len(ids(event="login.failed", actor=str(user.pk))) == 2
    since = (timezone.now() - timedelta(days=1)).isoformat()
    assert len(ids(event="login.failed", actor=str(user.pk), since=since)) == 1
    assert ids(until=since) == [str(old.pk)]


@pytest.mark.parametrize(
    "params", [{"actor": "not-a-uuid"}, {"since": "yesterday"}, {"event": "x" * 65}]
)
def test_malformed_filters_are_refused(staff, params):
    response = staff_client(staff).get(URL, params)

    assert response.status_code == 400
    assert list(response.json()["errors"]) == list(params)


def test_pages_follow_a_cursor_and_never_count(settings, staff, user):
    for n in range(25):
        record(f"event.{n}", actor=user)
    client = staff_client(staff)

    first = client.get(URL).json()
    second = client.get(first["next"]).json()

    assert "count" not in first
    assert len(first["results"]) == settings.REST_FRAMEWORK["PAGE_SIZE"]
    names = [event["event"] for event in first["results"] + second["results"]]
    assert names == [f"event.{n}" for n in reversed(range(25))]


def test_reading_events_costs_one_query_whatever_the_page_holds(
    staff, user, django_assert_num_queries
):
    client = staff_client(staff)
    for n in range(30):
        record("login.failed", actor=user, username=f"user{n}")

    with django_assert_num_queries(1):
        assert client.get(URL).status_code == 200


def test_a_request_writes_its_events_in_one_insert(strategy, login, author):
    client = login(author)
    table = connection.ops.quote_name(AuditEvent._meta.db_table)

    with CaptureQueriesContext(connection) as queries:
        assert client.post("/api/documents/", {"title": "Recorded"}).status_code == 201

    assert len([query for query in queries if query["sql"].startswith(f"INSERT INTO {table}")]) == 1


def test_a_recorded_event_is_never_changed(user):
    record("login.failed", actor=user)
    event = AuditEvent.objects.get()
    event.event = "login.succeeded"

    with pytest.raises(TypeError):
        event.save()
