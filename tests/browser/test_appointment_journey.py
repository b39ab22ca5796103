"""From an article to a request the intake team answers, in a real browser: on a phone-sized
screen, with the keyboard only, a visitor follows an article's call to action to the request
form (its service preselected), makes a mistake, fixes it from the error summary and sends
the request; axe-core finds no WCAG 2.2 A/AA violation on the form, its error state or the
thank-you page. Then an intake coordinator finds the request in the admin and marks it
contacted."""

from pathlib import Path

from django.contrib.auth.models import Group

import pytest
from playwright.sync_api import expect

from practice.models import PracticeSettings, PracticeTelehealthState
from services.models import AppointmentRequest
from tests.factories import (
    AppointmentRequestPageFactory,
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
    publish_as_reviewed,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PASSWORD = "a-long-browser-test-password"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def practice(home_page, site, django_user_model):
    practice = PracticeSettings.objects.create(
        site=site, practice_name="Riverbend Counseling Collective", phone="(205) 555-0142"
    )
    PracticeTelehealthState.objects.create(practice=practice, state="AL")
    services = ServiceIndexPageFactory(parent=home_page, title="Services", slug="services")
    cbt = ServicePageFactory(parent=services, title="Cognitive behavioral therapy", slug="cbt")
    articles = ArticleIndexPageFactory(parent=home_page, title="Articles", slug="articles")
    article = ArticlePageFactory(
        parent=articles,
        title="Five grounding exercises for anxious moments",
        slug="grounding",
        body=[("call_to_action", {"heading": "Would it help to talk to someone?"})],
    )
    article.related_services.add(cbt)
    publish_as_reviewed(article)
    AppointmentRequestPageFactory(parent=home_page, slug="request-an-appointment")
    coordinator = django_user_model.objects.create_user(
        "robin", email="robin@riverbend.example", password=PASSWORD
    )
    coordinator.groups.add(Group.objects.get(name="Intake"))
    return article


@pytest.fixture
def phone(chromium):
    """A phone-sized page. Its context bypasses any Content-Security-Policy so that axe-core
    can be injected."""
    context = chromium.new_context(viewport=PHONE, is_mobile=True, has_touch=True, bypass_csp=True)
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def wcag_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(" "))
            }));
        }""",
        WCAG_TAGS,
    )


def tab_to(page, selector: str, limit: int = 80):
    """Press Tab until the element matching selector has the focus, as a keyboard user does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_a_visitor_requests_an_appointment_and_intake_marks_it_contacted(
    live_server, phone, new_page, practice
):
    base_url = live_server.url
    form_path = "/request-an-appointment/"

    # From the article's call to action, with the keyboard.
    phone.goto(f"{base_url}{practice.url}")
    tab_to(phone, f'.cta a[href="{form_path}?service=cbt"]')
    phone.keyboard.press("Enter")
    expect(phone).to_have_url(f"{base_url}{form_path}?service=cbt")
    expect(phone.locator("#id_service")).to_have_value("cbt")
    assert wcag_violations(phone) == []

    # Fill in the form, forgetting the phone number a text message needs.
    tab_to(phone, "#id_name")
    phone.keyboard.type("Casey Quietwater")
    tab_to(phone, "#id_contact_method_0")
    phone.keyboard.press("ArrowDown")  # Phone call -> Text message
    expect(phone.locator("#id_contact_method_1")).to_be_checked()
    tab_to(phone, "#id_session_format_0")  # Telehealth is the first choice
    phone.keyboard.press("Space")
    tab_to(phone, "#id_telehealth_state")
    phone.keyboard.press("ArrowDown")
    expect(phone.locator("#id_telehealth_state")).to_have_value("AL")
    tab_to(phone, "#id_consent")
    phone.keyboard.press("Space")
    tab_to(phone, ".appointment-form button[type=submit]")
    phone.keyboard.press("Enter")

    # The error summary takes the focus and leads to the field.
    summary = phone.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Enter a phone number")
    expect(phone.locator("#id_name")).to_have_value("Casey Quietwater")
    expect(phone.locator("#id_service")).to_have_value("cbt")
    assert wcag_violations(phone) == []
    tab_to(phone, '.error-summary a[href="#id_phone"]')
    phone.keyboard.press("Enter")
    expect(phone.locator("#id_phone")).to_be_focused()
    phone.keyboard.type("205 555 0199")
    tab_to(phone, ".appointment-form button[type=submit]")
    phone.keyboard.press("Enter")

    # The thank-you page: what happens next, crisis resources, nothing personal in the URL.
    expect(phone).to_have_url(f"{base_url}{form_path}thank-you/")
    expect(phone.locator("h1")).to_contain_text("We have your request")
    expect(phone.locator("#crisis-help")).to_have_count(1)
    phone.locator("main").get_by_role("link", name="crisis help is below").click()
    expect(phone.locator("#crisis-help")).to_be_in_viewport()
    assert wcag_violations(phone) == []
    request = AppointmentRequest.objects.get()
    assert request.phone == "(205) 555-0199" and request.service.slug == "cbt"

    # The intake coordinator finds it in the admin and marks it contacted.
    admin = new_page()
    admin.goto(f"{base_url}/admin/")
    admin.get_by_label("Username").fill("robin")
    admin.get_by_label("Password").fill(PASSWORD)
    admin.get_by_role("button", name="Sign in").click()
    expect(admin.locator("#appointment-requests-section")).to_contain_text(
        "1 new request is waiting"
    )
    admin.get_by_role("link", name="Answer new requests").click()
    admin.get_by_role("link", name=f"Request #{request.pk}").click()
    expect(admin.locator("main")).to_contain_text("Casey Quietwater")
    admin.locator("#id_status").select_option("contacted")
    admin.locator("#id_notes").fill("Texted to offer Tuesday 5pm.")
    admin.get_by_role("button", name="Save").click()
    expect(admin.locator(".messages")).to_contain_text("updated")
    request.refresh_from_db()
    assert request.status == "contacted"
    assert request.notes == "Texted to offer Tuesday 5pm."
