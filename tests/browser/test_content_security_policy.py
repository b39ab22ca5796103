"""The Content-Security-Policy in a real browser: the public site and the Wagtail admin work
under it without a single violation (Chromium reports each one as a securitypolicyviolation
event), and the admin's two-factor set-up page shows its QR code."""

import pytest
from playwright.sync_api import expect

from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, ImageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-long-browser-test-password"
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture(autouse=True)
def no_autosave(settings):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


@pytest.fixture
def article(home_page):
    index = ArticleIndexPageFactory(parent=home_page, title="Articles", slug="articles")
    return ArticlePageFactory(parent=index, title="Calm before sleep", hero_image=ImageFactory())


def violations(page):
    return page.evaluate("window.__cspViolations")


def open_recording(new_page):
    page = new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    return page


def test_the_public_site_runs_without_violations(live_server, new_page, article):
    page = open_recording(new_page)
    for path in ("/", article.url, "/search/?q=sleep"):
        response = page.goto(live_server.url + path)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
        assert violations(page) == [], path


def test_the_admin_works_under_its_policy(live_server, new_page, article, django_user_model):
    django_user_model.objects.create_superuser("root", "root@example.org", PASSWORD)
    page = open_recording(new_page)
    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill("root")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{live_server.url}/admin/")

    for path in (
        "/admin/",
        f"/admin/pages/{article.pk}/edit/",
        "/admin/images/",
        "/admin/images/multiple/add/",
        "/admin/two-factor/setup/",
    ):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        assert violations(page) == [], path

    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    page.get_by_role("textbox", name="Title").first.fill("Calm before sleep, edited")
    page.get_by_role("button", name="Toggle preview").click()
    expect(page.frame_locator("iframe[title]").first.locator("h1")).to_contain_text(
        "Calm before sleep, edited", timeout=20_000
    )
    assert violations(page) == []

    page.goto(f"{live_server.url}/admin/two-factor/setup/")
    expect(page.locator(".two-factor-qr svg")).to_be_visible()
