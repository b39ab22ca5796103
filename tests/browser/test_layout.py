"""Content first on a phone, in Debian's Chromium: every page type of the demo site at a phone's
390×844 and a desktop's 1366×900 has no axe-core WCAG 2.0–2.2 A/AA violation, a header within
its height limit with Call, Request and Menu visible and uncovered, its H1 (and a listing's
first result) on the first screen; keyboard users reach Call, Request and the menu. Screenshots
of every page go to test-artifacts/."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS
from tests.browser.demo_server import serve_demo_site

pytestmark = [
    pytest.mark.browser,
    # Read-only tests of the demo site the module loads (demo_server.py); the mark makes
    # pytest-django create the test database.
    pytest.mark.django_db,
]

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
PHONE_HEADER_LIMIT = 120
LISTINGS = {"article index", "topic", "service index", "therapist index", "search"}

# The header's actions as the visitor sees them: each visible, inside the window, not covered
# by anything at its middle or near either end, and not overlapping another action.
HEADER_ACTIONS_JS = """() => {
    const header = document.querySelector('.site-header');
    const actions = [...header.querySelectorAll('.booking-actions a, .menu__toggle')]
        .filter(element => element.getClientRects().length);
    const uncovered = (element, x, y) => {
        const hit = document.elementFromPoint(x, y);
        return hit !== null && (hit === element || element.contains(hit));
    };
    return actions.map(element => {
        const box = element.getBoundingClientRect();
        const middle = box.top + box.height / 2;
        return {
            name: element.textContent.replace(/\\s+/g, ' ').trim(),
            left: box.left, right: box.right, top: box.top, bottom: box.bottom,
            uncovered: [box.left + 6, box.left + box.width / 2, box.right - 6]
                .every(x => uncovered(element, x, middle)),
        };
    });
}"""


@pytest.fixture(scope="module")
def demo_site(demo_content, django_db_blocker):
    yield from serve_demo_site(django_db_blocker, port=8191)


@pytest.fixture(scope="module")
def contexts(chromium):
    opened = {
        # The site's CSP forbids inline scripts: axe-core is injected past it.
        "phone": chromium.new_context(
            viewport=PHONE, is_mobile=True, has_touch=True, bypass_csp=True
        ),
        "desktop": chromium.new_context(viewport=DESKTOP, bypass_csp=True),
    }
    yield opened
    for context in opened.values():
        context.close()


@pytest.fixture
def open_page(contexts, request):
    pages = []

    def open_(size, url):
        page = contexts[size].new_page()
        pages.append(page)
        page.goto(url)
        return page

    yield open_
    report = getattr(request.node, "report_call", None)
    for page in pages:
        if report is not None and report.failed:
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"failed-{request.node.name}.png"), full_page=True)
        page.close()


def is_practice_call(name: str) -> bool:
    """The practice's Call button, not the crisis strip's "Call 988" or "Call 911"."""
    return name.startswith("Call") and name not in {"Call 988", "Call 911"}


def header_actions(page) -> list[dict]:
    return page.evaluate(HEADER_ACTIONS_JS)


def assert_actions_clear(actions: list[dict], width: int) -> None:
    names = [action["name"] for action in actions]
    assert any(name.startswith("Call") for name in names), names
    assert "Request an appointment" in names, names
    for action in actions:
        assert action["uncovered"], f"{action['name']} is covered"
        assert action["left"] >= 0 and action["right"] <= width, f"{action['name']} is cut off"
    for number, one in enumerate(actions):
        for other in actions[number + 1 :]:
            apart = (
                one["right"] <= other["left"]
                or other["right"] <= one["left"]
                or one["bottom"] <= other["top"]
                or other["bottom"] <= one["top"]
            )
            assert apart, f"{one['name']} overlaps {other['name']}"


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [
        f"{violation['id']}: {[node['target'] for node in violation['nodes']]}"
        for violation in result["violations"]
    ]


def top_of(page, selector: str) -> float | None:
    return page.evaluate(
        "selector => { const element = document.querySelector(selector);"
        " return element && element.getBoundingClientRect().top + scrollY; }",
        selector,
    )


PAGE_TYPES = [
    "home",
    "article index",
    "topic",
    "article",
    "service index",
    "service",
    "therapist index",
    "therapist",
    "standard",
    "search",
    "not found",
]


@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_shows_its_content_first_and_passes_axe(demo_site, open_page, size, page_type):
    viewport = PHONE if size == "phone" else DESKTOP
    page = open_page(size, demo_site[page_type])
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"layout-{size}-{page_type.replace(' ', '-')}.png"))

    header_height = page.locator(".site-header").bounding_box()["height"]
    if size == "phone":
        assert header_height <= PHONE_HEADER_LIMIT
    assert_actions_clear(header_actions(page), viewport["width"])

    assert top_of(page, "h1") < viewport["height"] - 40
    if page_type in LISTINGS:
        first_result = top_of(page, "main .card, main .search-result")
        assert first_result is not None and first_result < viewport["height"] - 40
    if page_type == "article" and size == "desktop":
        assert top_of(page, ".stream p") < viewport["height"] - 40

    assert axe_violations(page) == []


def test_home_hero_does_not_repeat_the_headers_call_and_request(demo_site, open_page):
    page = open_page("phone", demo_site["home"])
    first_screen = page.evaluate(
        """height => [...document.querySelectorAll('a')]
            .filter(link => link.getClientRects().length
                && link.getBoundingClientRect().top < height)
            .map(link => link.textContent.replace(/\\s+/g, ' ').trim())""",
        PHONE["height"],
    )
    assert sum(is_practice_call(name) for name in first_screen) == 1
    assert first_screen.count("Request an appointment") == 1


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_keyboard_reaches_call_request_and_the_menu(demo_site, open_page, size):
    page = open_page(size, demo_site["article"])
    reached = []
    for _ in range(14):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate("document.activeElement.textContent.replace(/\\s+/g, ' ').trim()")
        )
    assert any(is_practice_call(name) for name in reached), reached
    assert "Request an appointment" in reached
    if size == "phone":
        assert "Menu and search" in reached
        while page.evaluate("document.activeElement.textContent.trim()") != "Menu and search":
            page.keyboard.press("Shift+Tab")
        page.keyboard.press("Enter")
        expect(page.get_by_role("navigation", name="Main")).to_be_visible()
        page.keyboard.press("Tab")
        expect(
            page.get_by_role("navigation", name="Main").get_by_role("link").first
        ).to_be_focused()
    else:
        # Wide screens show the menu itself: its first link comes next.
        assert "Services" in reached


@pytest.mark.parametrize("width", [700, 900, 1366])
def test_actions_stay_clear_where_the_menu_cannot_be_opened_by_css(demo_site, chromium, width):
    """An engine without ::details-content (Firefox ESR before 140, Safari before 18.4) keeps
    the Menu button on wide screens: served the stylesheet as such an engine reads it, the
    header's actions are still all visible and uncovered."""
    context = chromium.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(demo_site["article"])
        stylesheet = page.evaluate(
            "fetch(document.querySelector('link[rel=stylesheet]').href).then(r => r.text())"
        )
        assert "selector(::details-content)" in stylesheet
        page.evaluate("document.querySelector('link[rel=stylesheet]').remove()")
        page.add_style_tag(content=stylesheet.replace("::details-content", "::no-such-part"))
        actions = header_actions(page)
        assert "Menu and search" in [action["name"] for action in actions]
        assert_actions_clear(actions, width)
    finally:
        context.close()


def test_therapist_filters_fold_away_until_used(demo_site, open_page):
    page = open_page("phone", demo_site["therapist index"])
    disclosure = page.locator("details.filter-disclosure")
    expect(disclosure).not_to_have_attribute("open", re.compile(".*"))
    expect(page.get_by_label("Offers telehealth")).to_be_hidden()

    page.get_by_text("Filter therapists").click()
    page.get_by_label("Offers telehealth").check()
    page.get_by_role("button", name="Show therapists").click()
    page.wait_for_url(re.compile(r"telehealth=on"))

    expect(page.locator("details.filter-disclosure")).to_have_attribute("open", "")
    count = page.locator(".result-count")
    expect(count).to_contain_text("match")
    expect(count).to_be_in_viewport()
    first = page.locator("main .card").first.bounding_box()
    assert first["y"] < PHONE["height"] + page.evaluate("scrollY")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.card') !== null")


def test_current_page_marker_survives_forced_colours(demo_site, contexts):
    page = contexts["desktop"].new_page()
    try:
        page.emulate_media(forced_colors="active")
        page.goto(demo_site["article index"])
        for selector in [".site-nav a[aria-current]", ".topic-filter a[aria-current]"]:
            style = page.eval_on_selector(
                selector,
                "link => { const style = getComputedStyle(link);"
                " return [style.borderTopWidth, style.textDecorationLine]; }",
            )
            assert style[0] != "0px" and "underline" in style[1], (selector, style)
    finally:
        page.close()
