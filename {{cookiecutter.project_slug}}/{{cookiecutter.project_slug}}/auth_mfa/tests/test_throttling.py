"""A password confirmed again to change the second factor counts as a login does."""

from {{ cookiecutter.project_slug }}.throttling.tests.rates import limit

DISABLE_URL = "/api/auth/mfa/disable/"


def test_password_confirmations_share_the_login_rate(settings, signed_in, user, enrol):
    client = signed_in(user)
    enrol(user)

    statuses = [
        client.post(DISABLE_URL, {"password": f"guess-{n}"}).status_code
        for n in range(limit(settings, "login") + 1)
    ]

    assert statuses == [403] * limit(settings, "login") + [429]
