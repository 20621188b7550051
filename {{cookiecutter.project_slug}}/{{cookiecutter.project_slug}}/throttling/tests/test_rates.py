"""Local settings throttle a developer far less than production throttles anyone.

Each settings module reads the environment once, at import, so each is loaded in a fresh
process with exactly the environment a check gives it.
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

PRINT_RATES = (
    "import json; from django.conf import settings; "
    "print(json.dumps(settings.REST_FRAMEWORK['DEFAULT_THROTTLE_RATES']))"
)
# What the production settings refuse to start without; the .env file is not read.
REQUIRED_ENV = {
    "DJANGO_READ_DOT_ENV_FILE": "False",
    "DJANGO_SECRET_KEY": "only-for-reading-settings",
    "DJANGO_ALLOWED_HOSTS": "api.example.com",
    "DATABASE_URL": "sqlite:///:memory:",
}
SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def rates(settings_module, **env):
    """The throttle rates ``settings_module`` sets with ``env`` and no other DJANGO_ variable."""
    environ = {name: value for name, value in os.environ.items() if not name.startswith("DJANGO_")}
    environ.update(REQUIRED_ENV, DJANGO_SETTINGS_MODULE=settings_module, **env)
    result = subprocess.run(
        [sys.executable, "-c", PRINT_RATES],
        cwd=settings.BASE_DIR,
        env=environ,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def per_hour(rate):
    count, period = rate.split("/")
    return int(count) * 3600 / SECONDS[period[0]]


def test_local_rates_are_lenient_and_production_keeps_the_strict_ones():
    base = rates("config.settings.base")
    local = rates("config.settings.local")
    production = rates("config.settings.production")

    assert production == base
    assert set(local) == set(production)
    too_strict = {
        scope: rate
        for scope, rate in local.items()
        if per_hour(rate) < max(1000, 10 * per_hour(production[scope]))
    }
    assert too_strict == {}


@pytest.mark.parametrize("settings_module", ["config.settings.local", "config.settings.production"])
def test_the_environment_overrides_every_rate(settings_module):
    wanted = {scope: f"{n}/day" for n, scope in enumerate(rates(settings_module), start=1)}
    env = {f"DJANGO_THROTTLE_{scope.upper()}": rate for scope, rate in wanted.items()}

    assert rates(settings_module, **env) == wanted
