"""Browser tests: Playwright for Python driving Debian's Chromium against pytest-django's live
server. Skipped where /usr/bin/chromium is missing, except in CI, where that is a failure."""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls made from the
# test itself (setting up data) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is not installed"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; CI must run the browser tests.")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def new_page(chromium, request):
    """Open pages in fresh browser contexts (one per person); on failure, save a screenshot
    of each under test-artifacts/."""
    contexts = []

    def open_page():
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        for number, context in enumerate(contexts):
            for page in context.pages:
                page.screenshot(
                    path=str(ARTIFACTS / f"{request.node.name}-{number}.png"), full_page=True
                )
    for context in contexts:
        context.close()
