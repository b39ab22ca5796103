"""Production settings refuse to start without the secrets a deployment must provide."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
SETUP = "import django; django.setup()"


def start_django(code=SETUP, **overrides):
    """Load practice.settings in a fresh interpreter with DEBUG off and only the given
    secrets set, as a production process would, and run `code` there."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "APPOINTMENT_ENCRYPTION_KEYS",
            "DEBUG",
            "DJANGO_SETTINGS_MODULE",
        }
    }
    env.update({"DJANGO_SETTINGS_MODULE": "practice.settings", "DEBUG": "0"}, **overrides)
    return subprocess.run(  # noqa: S603 - a fixed command line, our own interpreter
        [sys.executable, "-c", code],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({}, "SECRET_KEY and ALLOWED_HOSTS must be set when DEBUG is off"),
        ({"ALLOWED_HOSTS": "www.example.org"}, "SECRET_KEY must be set when DEBUG is off"),
        ({"SECRET_KEY": "a-long-random-production-key"}, "ALLOWED_HOSTS must be set"),
        ({"SECRET_KEY": "", "ALLOWED_HOSTS": " , "}, "SECRET_KEY and ALLOWED_HOSTS must be set"),
    ],
    ids=["neither", "no-secret-key", "no-allowed-hosts", "blank-values"],
)
def test_production_refuses_to_start_without_secrets(overrides, message):
    result = start_django(**overrides)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_production_starts_with_secrets_set():
    result = start_django(
        SECRET_KEY="a-long-random-production-key",
        ALLOWED_HOSTS="example.org",
        APPOINTMENT_ENCRYPTION_KEYS="uZJ4c3Yq0p7m1wS9v2Xr5b8TnKfLhGdEaCsQjPzRoWk=",
    )

    assert result.returncode == 0, result.stderr


def test_debug_mode_starts_without_secrets():
    result = start_django(DEBUG="1")

    assert result.returncode == 0, result.stderr
