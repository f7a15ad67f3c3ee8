"""Shared fixtures for the browser and API tests.

These tests drive a running `kennisbank serve`; Scripts/browser-test builds, indexes Corpus/, starts the
server and passes its address in KENNISBANK_URL. Chromium is Debian's (/usr/bin/chromium), never a
browser that Playwright would download.
"""
from __future__ import annotations

import json
import os
import subprocess
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")

from helpers import AXE_SUMMARIES


def pytest_configure(config):
    if not os.environ.get("KENNISBANK_URL"):
        raise pytest.UsageError(
            "KENNISBANK_URL is not set: run Scripts/browser-test, which builds, indexes and serves Corpus/ for these tests")


def pytest_terminal_summary(terminalreporter):
    if AXE_SUMMARIES:
        terminalreporter.section("axe accessibility summary (WCAG 2.1 A/AA)")
        for line in AXE_SUMMARIES:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def base_url() -> str:
    url = os.environ["KENNISBANK_URL"]
    return url if url.endswith("/") else url + "/"


class Api:
    """A tiny JSON client for the server under test (loopback only)."""

    def __init__(self, base: str):
        self.base = base

    def url(self, path: str, params=None) -> str:
        url = urllib.parse.urljoin(self.base, path.lstrip("/"))
        if params:
            url += "?" + urllib.parse.urlencode(params, doseq=True)
        return url

    def get(self, path: str, params=None) -> tuple[int, dict, object]:
        """GET → (status, headers, parsed JSON body or text)."""
        request = urllib.request.Request(self.url(path, params), headers={"Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status, headers, body = response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            status, headers, body = error.code, dict(error.headers), error.read()
        text = body.decode("utf-8")
        content_type = headers.get("Content-Type", "")
        return status, headers, json.loads(text) if "json" in content_type else text

    def json(self, path: str, params=None):
        status, _, body = self.get(path, params)
        assert status == 200, f"GET {path} {params} → {status}: {body}"
        return body


@pytest.fixture(scope="session")
def api(base_url) -> Api:
    return Api(base_url)


@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium package (Scripts/browser-test does)")
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
    yield browser
    browser.close()


def _new_context(browser, base_url, **options):
    defaults = dict(base_url=base_url, viewport={"width": 1280, "height": 900}, locale="nl-NL")
    defaults.update(options)
    return browser.new_context(**defaults)


@pytest.fixture
def context_factory(browser, base_url):
    """Makes extra browser contexts (for example without JavaScript, or without CSP); all closed afterwards."""
    made = []

    def make(**options):
        context = _new_context(browser, base_url, **options)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


@pytest.fixture
def page(browser, base_url):
    context = _new_context(browser, base_url)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors  # type: ignore[attr-defined]
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


# --- signing in -------------------------------------------------------------------------------------------------

def _create_token(role: str) -> str:
    """A fresh token of `role`, made with the CLI on the index the server reads (it reads tokens.json per request)."""
    binary, index = os.environ.get("KENNISBANK_BIN"), os.environ.get("KENNISBANK_INDEX")
    if not binary or not index:
        pytest.skip("KENNISBANK_BIN and KENNISBANK_INDEX are needed to make a token (Scripts/browser-test sets them)")
    name = f"Browsertest {role} {uuid.uuid4().hex[:8]}"
    result = subprocess.run([binary, "token", "create", "--role", role, "--name", name, "--index", index],
                            capture_output=True, text=True, timeout=60, check=True)
    token = result.stdout.strip().splitlines()[-1].strip()
    assert token.startswith("kb_"), f"unexpected token output: {result.stdout!r} {result.stderr!r}"
    return token


@pytest.fixture(scope="session")
def tokens():
    """One token per role, made once per run: tokens["trainer"], tokens["curator"], ..."""
    made: dict[str, str] = {}

    class Tokens:
        def __getitem__(self, role: str) -> str:
            if role not in made:
                made[role] = _create_token(role)
            return made[role]

    return Tokens()


def sign_in(page, token: str):
    """Logs in through the login form, as a person would; the session cookie stays in the page's context."""
    page.goto("/inloggen")
    page.fill("#token", token)
    with page.expect_navigation():
        page.click("form.login-form button[type=submit]")
    assert page.locator(".logged-in").count() == 1, "the login did not succeed"
