"""Production settings: the deploy checklist passes, and a missing secret stops
start-up with one clear line."""

import importlib
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from fairsite.settings import places as places_settings
from fairsite.settings.mail import email_settings

BASE_DIR = Path(__file__).resolve().parents[2]


def run_manage(*args, env):
    return run_python("manage.py", *args, env=env)


def run_python(*args, env):
    """Python in a new process on the production settings, with ``env`` and nothing of ours."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECRET_KEY"))}
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env={**clean, "DJANGO_SETTINGS_MODULE": "fairsite.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def production_env(tmp_path):
    return {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "jobs.example.org",
        "SITE_URL": "https://jobs.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "ELASTICSEARCH_URL": "https://search.example.org:9200",
        "EMAIL_URL": "smtp://mailer:secret@smtp.example.org:587?tls=1",
        # Two keys, newest first, as during a rotation.
        "PREFERENCES_ENCRYPTION_KEY": ",".join(Fernet.generate_key().decode() for _ in "ab"),
    }


def test_deploy_checklist_passes_with_the_documented_variables(production_env):
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=production_env)

    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "ALLOWED_HOSTS", "SITE_URL", "PREFERENCES_ENCRYPTION_KEY"]
)
def test_start_up_fails_with_one_clear_line_when_a_required_variable_is_missing(
    production_env, missing
):
    del production_env[missing]

    result = run_manage("check", env=production_env)

    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"Settings error: the environment variable {missing} is not set")


def test_a_preferences_key_that_is_not_a_fernet_key_stops_start_up_without_showing_it(
    production_env,
):
    production_env["PREFERENCES_ENCRYPTION_KEY"] += ",my-secret-password"

    result = run_manage("check", env=production_env)

    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Settings error: key 3 in PREFERENCES_ENCRYPTION_KEY is not a")
    assert "my-secret-password" not in result.stderr


def test_production_refuses_an_http_site_url(production_env):
    production_env["SITE_URL"] = "http://jobs.example.org"

    result = run_manage("check", env=production_env)

    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Settings error: SITE_URL must start with https://")
    assert "SITE_URL_ALLOW_HTTP" in lines[0]


def test_an_http_site_url_is_allowed_for_a_private_test_only_when_said(production_env):
    production_env["SITE_URL"] = "http://intranet.test:8080"
    production_env["SITE_URL_ALLOW_HTTP"] = "true"

    result = run_manage("check", env=production_env)

    assert result.returncode == 0, result.stderr


def test_a_site_url_with_a_path_stops_start_up(production_env):
    production_env["SITE_URL"] = "https://jobs.example.org/board"

    result = run_manage("check", env=production_env)

    assert result.returncode == 1
    assert "SITE_URL must be the site's origin alone" in result.stderr


def test_email_url_chooses_smtp_with_credentials_and_tls():
    found = email_settings("smtp://mailer:p%40ss@smtp.example.org:587?tls=1")

    assert found["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert found["EMAIL_HOST"] == "smtp.example.org"
    assert found["EMAIL_PORT"] == 587
    assert found["EMAIL_HOST_USER"] == "mailer"
    assert found["EMAIL_HOST_PASSWORD"] == "p@ss"
    assert found["EMAIL_USE_TLS"] is True


def test_email_url_with_an_unknown_scheme_is_refused_clearly():
    with pytest.raises(SystemExit, match="EMAIL_URL must start with one of"):
        email_settings("pigeon://loft")


@pytest.fixture
def reload_places_settings(monkeypatch):
    yield monkeypatch
    monkeypatch.undo()
    importlib.reload(places_settings)


def test_default_country_setting_reads_uk_as_gb(reload_places_settings):
    reload_places_settings.setenv("PLACES_DEFAULT_COUNTRY", "uk")

    assert importlib.reload(places_settings).PLACES_DEFAULT_COUNTRY == "GB"


def test_default_country_setting_refuses_other_countries(reload_places_settings):
    reload_places_settings.setenv("PLACES_DEFAULT_COUNTRY", "FR")

    with pytest.raises(SystemExit, match="PLACES_DEFAULT_COUNTRY must be US or GB"):
        importlib.reload(places_settings)


def test_the_production_web_process_keeps_its_start_up_objects_out_of_the_collectors_way(
    production_env,
):
    # fairsite.heap: a full collection over ~200,000 start-up objects took
    # about 115 ms of some request's time.
    result = run_python(
        "-c", "import gc, fairsite.wsgi; print(gc.get_freeze_count())", env=production_env
    )

    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 50_000
