"""``GET /``: the address ``runserver`` prints answers where the API's documentation is."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_root_names_the_project_and_links_the_docs_and_the_schema(client, settings):
    response = client.get("/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "name": settings.SPECTACULAR_SETTINGS["TITLE"],
        "docs": reverse("docs"),
        "schema": reverse("schema"),
    }


def test_the_linked_pages_answer_without_credentials(client):
    links = client.get("/").json()

    assert client.get(links["docs"]).status_code == 200
    schema = client.get(links["schema"], HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    # A page for people, not an API operation: the schema does not list it.
    assert "/" not in schema.json()["paths"]


def test_the_root_answers_anyone_however_often():
    """No credentials, and no per-client limit: it is no API view, so none counts it."""
    visitor = Client()

    assert [visitor.get("/").status_code for _ in range(100)] == [200] * 100


def test_the_root_only_reads(client):
    assert client.post("/").status_code == 405
