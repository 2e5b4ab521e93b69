"""Production settings pass Django's deployment checklist, warnings included."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _check_deploy(secret_key: str) -> subprocess.CompletedProcess:
    env = {
        # Not the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE (tests/e2e): a deployment never sets it.
        **{name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "orion.settings.production",
        "DJANGO_SECRET_KEY": secret_key,
        "DJANGO_ALLOWED_HOSTS": "shop.example.com",
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_production_settings_pass_check_deploy():
    result = _check_deploy(secrets.token_urlsafe(64))

    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_a_weak_secret_key_fails_the_check():
    result = _check_deploy("too-short")

    assert result.returncode != 0
    assert "security.W009" in result.stderr + result.stdout
