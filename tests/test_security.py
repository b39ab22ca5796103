"""Security headers, the Content-Security-Policy, the proxy check, upload limits, the health
check and a clean `check --deploy` with a production environment."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images.forms import get_image_form

import pytest

from practice.images import PracticeImage

pytestmark = pytest.mark.django_db
PROJECT_DIR = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "x" * 30 + "a-long-random-production-key-Zq8",
    "ALLOWED_HOSTS": "www.example-practice.org",
    "APPOINTMENT_ENCRYPTION_KEYS": "rTmTZ8tGS2q8Pg0ZlJxGm3Yg2QJ9Jg6Xb9r6m0m1r0Q=",
    "DJANGO_SETTINGS_MODULE": "practice.settings",
}


def csp_directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def test_public_pages_carry_the_security_headers(client, home_page):
    response = client.get(home_page.url)

    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_the_public_policy_allows_no_inline_script_or_style(client, home_page):
    directives = csp_directives(client.get(home_page.url))

    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["base-uri"] == ["'self'"]
    assert not any("unsafe" in value for values in directives.values() for value in values)


def test_public_pages_contain_no_inline_script(client, home_page):
    html = client.get(home_page.url).content.decode()
    for tag in html.split("<script")[1:]:
        assert tag.lstrip().startswith('type="application/ld+json"'), tag[:80]
    assert " style=" not in html


def test_the_admin_policy_adds_what_wagtail_needs_and_no_third_party(admin_client):
    directives = csp_directives(admin_client.get(reverse("wagtailadmin_home")))

    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert "'unsafe-inline'" in directives["style-src"]
    assert "blob:" in directives["img-src"]


def test_forwarded_headers_are_ignored_from_outside_the_proxy(client, settings, home_page):
    settings.SECURE_SSL_REDIRECT = False
    outsider = client.get(
        "/healthz",
        REMOTE_ADDR="203.0.113.9",
        HTTP_X_FORWARDED_PROTO="https",
        HTTP_X_FORWARDED_FOR="198.51.100.1",
    )
    assert outsider.wsgi_request.scheme == "http"
    assert outsider.wsgi_request.META["REMOTE_ADDR"] == "203.0.113.9"

    proxied = client.get(
        "/healthz",
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_PROTO="https",
        HTTP_X_FORWARDED_FOR="198.51.100.1",
    )
    assert proxied.wsgi_request.scheme == "https"
    assert proxied.wsgi_request.META["REMOTE_ADDR"] == "198.51.100.1"


@pytest.mark.parametrize(
    ("name", "content_type", "body"),
    [
        ("logo.svg", "image/svg+xml", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
        ("page.html", "text/html", b"<html><script>alert(1)</script></html>"),
    ],
)
def test_image_uploads_refuse_svg_and_html(name, content_type, body):
    form_class = get_image_form(PracticeImage)
    form = form_class(
        data={"title": "Upload", "alt_text": "Something", "collection": 1},
        files={"file": SimpleUploadedFile(name, body, content_type=content_type)},
    )
    assert not form.is_valid()
    assert "file" in form.errors


def test_image_uploads_are_limited_in_size(settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS


def test_documents_download_as_attachments(client, home_page):
    document = get_document_model().objects.create(
        title="Intake form",
        file=SimpleUploadedFile("intake.pdf", b"%PDF-1.4 intake", content_type="application/pdf"),
    )
    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_healthz_answers_200_when_database_and_cache_answer(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


HEALTHZ_SCRIPT = """
import django
django.setup()
from django.test import Client
response = Client().get("/healthz")
print(response.status_code, response.content.decode())
"""


@pytest.mark.parametrize(
    ("env", "failing"),
    [
        # Nothing listens on these ports of the test range: the engines really do not answer.
        ({"DATABASE_URL": "postgres://postgres@127.0.0.1:8169/none"}, "database"),
        ({"REDIS_URL": "redis://127.0.0.1:8168/0"}, "cache"),
    ],
    ids=["database-down", "cache-down"],
)
def test_healthz_answers_503_when_an_engine_is_down(env, failing):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update({"DEBUG": "1", "DJANGO_SETTINGS_MODULE": "practice.settings", **env})
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", HEALTHZ_SCRIPT],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    status, body = result.stdout.strip().splitlines()[-1].split(" ", 1)
    assert status == "503", result.stderr
    assert f'"{failing}": "fail"' in body


def run_manage(*args, **env):
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "SECURE_", "DEBUG"))
    }
    environment.update(PRODUCTION_ENV, **env)
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_silent_in_production():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stderr
    # Only Django's own all-clear line; HSTS preload (W021) is an operator's opt-in.
    assert result.stdout.strip() == "System check identified no issues (1 silenced)."
    assert result.stderr == ""


def test_check_deploy_warns_when_https_is_turned_off():
    """Proof the check above can fail: plain http (as `make serve` runs) is flagged."""
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", SECURE_SSL_REDIRECT="0", SECURE_COOKIES="0"
    )

    assert result.returncode != 0
    assert "security.W008" in result.stderr
    assert "security.W012" in result.stderr


def test_load_demo_content_refuses_in_production():
    result = run_manage("load_demo_content")

    assert result.returncode != 0
    assert "DEBUG is off" in result.stderr
