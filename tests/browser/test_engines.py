"""Every engine: the demo site's page types in Debian's Firefox ESR and WebKitGTK (the engine of
Safari), at a phone's width and a desktop's, keep the header's Call, Request and Menu visible
and uncovered, the phone header within 120 px and the H1 on the first screen.

Firefox is driven over Marionette, the remote protocol built into it (Debian ships no
geckodriver); WebKitGTK through its WebDriver (webkit2gtk-driver) with Selenium, in an Xvfb
display the test starts. Chromium has its own, fuller module: test_layout.py. No browser is
downloaded: each engine is skipped where its Debian package is missing, except in CI."""

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from tests.browser.demo_server import serve_demo_site
from tests.browser.test_layout import (
    HEADER_ACTIONS_JS,
    PAGE_TYPES,
    PHONE,
    PHONE_HEADER_LIMIT,
    assert_actions_clear,
)

pytestmark = [
    pytest.mark.browser,
    # Read-only tests of the demo site the module loads (demo_server.py); the mark makes
    # pytest-django create the test database.
    pytest.mark.django_db,
]

FIREFOX = "/usr/bin/firefox-esr"
WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
WEBKIT_BROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
XVFB = "/usr/bin/Xvfb"
MARIONETTE_PORT = 8196
WEBKIT_DRIVER_PORT = 8197
# Neither engine's window goes as narrow as 390 px (Firefox stops at 500, WebKitGTK's
# MiniBrowser at about 450): both are still below the 600 px where the phone layout ends.
PHONE_LAYOUT_BELOW = 600

MEASURE_JS = f"""return (() => {{
    const h1 = document.querySelector('h1').getBoundingClientRect();
    return {{
        width: innerWidth,
        height: innerHeight,
        header: document.querySelector('.site-header').getBoundingClientRect().height,
        h1: h1.top + scrollY,
        actions: ({HEADER_ACTIONS_JS})(),
    }};
}})();"""


def require(*paths: str) -> None:
    missing = [path for path in paths if not Path(path).exists()]
    if missing:
        message = f"{', '.join(missing)} not installed"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; CI must run the browser tests.")
        pytest.skip(message)


class Marionette:
    """The few WebDriver commands these checks need, over Firefox's Marionette protocol
    (length-prefixed JSON: `[0, id, command, params]` answered by `[1, id, error, result]`)."""

    def __init__(self, port: int, timeout: float = 60):
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.socket = socket.create_connection(("127.0.0.1", port), timeout=timeout)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        self.last_id = 0
        self._receive()  # the server's greeting
        self.command("WebDriver:NewSession", {"capabilities": {}})

    def _receive(self):
        length = b""
        while not length.endswith(b":"):
            length += self.socket.recv(1)
        remaining = int(length[:-1])
        data = b""
        while len(data) < remaining:
            data += self.socket.recv(remaining - len(data))
        return json.loads(data)

    def command(self, name: str, params: dict | None = None):
        self.last_id += 1
        message = json.dumps([0, self.last_id, name, params or {}]).encode()
        self.socket.sendall(str(len(message)).encode() + b":" + message)
        _, _, error, result = self._receive()
        if error:
            raise RuntimeError(f"{name}: {error}")
        return result

    def set_window_rect(self, *, width: int, height: int) -> None:  # as Selenium's
        self.command("WebDriver:SetWindowRect", {"width": width, "height": height})

    def get(self, url: str) -> None:
        self.command("WebDriver:Navigate", {"url": url})

    def execute_script(self, script: str):
        return self.command("WebDriver:ExecuteScript", {"script": script, "args": []})["value"]

    def quit(self) -> None:
        self.command("WebDriver:DeleteSession")
        self.socket.close()


@pytest.fixture(scope="module")
def demo_site(demo_content, django_db_blocker):
    yield from serve_demo_site(django_db_blocker, port=8192)


@pytest.fixture(scope="module")
def firefox():
    require(FIREFOX)
    profile = tempfile.mkdtemp(prefix="practice-firefox-")
    Path(profile, "user.js").write_text(
        f'user_pref("marionette.port", {MARIONETTE_PORT});\n'
        'user_pref("browser.shell.checkDefaultBrowser", false);\n'
        'user_pref("datareporting.policy.dataSubmissionEnabled", false);\n'
        'user_pref("app.update.disabledForTesting", true);\n'
    )
    process = subprocess.Popen(  # noqa: S603 (fixed paths of Debian packages)
        [FIREFOX, "--headless", "--marionette", "--no-remote", "-profile", profile],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        browser = Marionette(MARIONETTE_PORT)
        yield browser
        browser.quit()
    finally:
        process.terminate()
        process.wait(30)
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def x_display():
    """A private X display (WebKitGTK's WebDriver needs one even for checks like these)."""
    require(XVFB)
    read_end, write_end = os.pipe()
    process = subprocess.Popen(  # noqa: S603 (fixed paths of Debian packages)
        [XVFB, "-displayfd", str(write_end), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        display = f":{pipe.readline().strip()}"
    try:
        yield display
    finally:
        process.terminate()
        process.wait(30)


@pytest.fixture(scope="module")
def webkit(x_display):
    require(WEBKIT_DRIVER, WEBKIT_BROWSER)
    from selenium import webdriver

    options = webdriver.WebKitGTKOptions()
    options.binary_location = WEBKIT_BROWSER
    options.add_argument("--automation")
    service = webdriver.WebKitGTKService(
        executable_path=WEBKIT_DRIVER,
        port=WEBKIT_DRIVER_PORT,
        env={**os.environ, "DISPLAY": x_display},
    )
    browser = webdriver.WebKitGTK(options=options, service=service)
    yield browser
    browser.quit()


def check_page_types(browser, demo_site) -> list[str]:
    """Every page type at phone and desktop size; returns what was checked, for the report."""
    checked = []
    for size in (PHONE, {"width": 1366, "height": 900}):
        browser.set_window_rect(width=size["width"], height=size["height"])
        for page_type in PAGE_TYPES:
            browser.get(demo_site[page_type])
            measured = browser.execute_script(MEASURE_JS)
            where = f"{page_type} at {measured['width']}x{measured['height']}"
            if size is PHONE:
                assert measured["width"] < PHONE_LAYOUT_BELOW, where
                assert measured["header"] <= PHONE_HEADER_LIMIT, where
            assert measured["h1"] < measured["height"] - 40, where
            assert_actions_clear(measured["actions"], measured["width"])
            checked.append(where)
    return checked


# demo_site first: the browser then quits before the server stops under it.
def test_firefox_esr_shows_the_header_actions_and_content_first(demo_site, firefox):
    assert len(check_page_types(firefox, demo_site)) == 2 * len(PAGE_TYPES)


def test_webkit_shows_the_header_actions_and_content_first(demo_site, webkit):
    assert len(check_page_types(webkit, demo_site)) == 2 * len(PAGE_TYPES)
