"""The README's walkthrough for giving a new user a role, run request for request.

The requests are read from the README's ``http`` blocks, so the documentation and the
API cannot drift apart: change one, and this test says whether the other still agrees.
"""

import json
import re
from dataclasses import dataclass

from django.conf import settings

from {{ cookiecutter.project_slug }}.users.models import User

HTTP_BLOCK = re.compile(r"^```http\n(?P<request>.*?)^```$", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    body: dict


def readme_requests():
    """Each ``http`` block of the README's permission model section that sends JSON.

    Other blocks (plain requests and answers, other sections) are not part of the
    walkthrough.
    """
    readme = (settings.BASE_DIR / "README.md").read_text(encoding="utf-8")
    text = readme.split("\n### Permission model\n", 1)[1].split("\n### ", 1)[0]
    requests = []
    for block in HTTP_BLOCK.finditer(text):
        head, _, body = block["request"].partition("\n\n")
        if "Content-Type: application/json" not in head.splitlines():
            continue
        method, path, _version = head.splitlines()[0].split()
        requests.append(Request(method, path, json.loads(body)))
    return requests


def send(client, request, **body):
    """Send ``request`` as the README shows it, its placeholders replaced by ``body``."""
    return getattr(client, request.method.lower())(
        request.path, {**request.body, **body}, format="json"
    )


def test_the_readme_gives_a_new_user_a_role(api_client, login, make_user, run_demo_user):
    """Register (where the project has a password login), then assign a role by id.

    Registration answers no id (it must not tell whether the account existed): the new
    user reads it from ``/api/auth/me/``. Without a password login the README has the
    admin create the user instead, as the test does here.
    """
    *register, assign = readme_requests()
    demo = run_demo_user()

    if register:
        [register] = register
        registered = send(api_client, register)
        assert registered.status_code == 202, registered.content
        carol = User.objects.get(username=register.body["username"])
        newcomer = login(carol, register.body["password"])
    else:
        carol = make_user("carol")
        newcomer = login(carol)
    carol_id = newcomer.get("/api/auth/me/").json()["id"]
    assert newcomer.post("/api/documents/", {"title": "Draft"}).status_code == 403

    assert assign.body["user"].startswith("<")  # the placeholder for the new user's id
    assigned = send(login(demo.user, demo.password), assign, user=carol_id)
    assert assigned.status_code == 201, assigned.content
    assert assigned.json()["username"] == carol.username
    assert newcomer.post("/api/documents/", {"title": "Draft"}).status_code == 201
