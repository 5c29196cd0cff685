"""A Content-Security-Policy without inline script on every page, and no inline script to need it.

Text a user typed can then never run as script, even if a template forgot to escape it.
"""

import re

import pytest
from django.test import Client

from tests.support import ROOT

APPS = ("config", "beneficiaries", "meals", "workshops", "tasks", "demo")
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
HANDLER_ATTRIBUTE = re.compile(r"\son[a-z]+\s*=\s*[\"']", re.IGNORECASE)


def policy(response) -> dict[str, list[str]]:
    directives = [part.split() for part in response["Content-Security-Policy"].split(";") if part.strip()]
    return {name: values for name, *values in directives}


@pytest.mark.parametrize("path", ["/login/", "/residents/", "/admin/login/", "/api/docs/", "/api/v1/residents/"])
def test_every_answer_allows_scripts_from_the_site_only(path, coordinator):
    client = Client()
    client.force_login(coordinator)
    directives = policy(client.get(path))
    assert directives["script-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"] and directives["frame-ancestors"] == ["'none'"]


def test_no_template_has_inline_script_or_event_handler_attributes():
    offenders = []
    for app in APPS:
        for template in (ROOT / app).rglob("templates/**/*.html"):
            text = template.read_text(encoding="utf-8")
            if INLINE_SCRIPT.search(text) or HANDLER_ATTRIBUTE.search(text):
                offenders.append(str(template.relative_to(ROOT)))
    assert offenders == []


@pytest.mark.parametrize("path", ["/residents/new/", "/api/docs/"])
def test_pages_with_scripts_load_them_from_files(path, coordinator):
    client = Client()
    client.force_login(coordinator)
    html = client.get(path).content.decode()
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts, "the page has its scripts"
    assert all("src=" in tag or 'type="application/json"' in tag for tag in scripts), scripts


def test_the_favicon_is_served_at_the_root():
    response = Client().get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
