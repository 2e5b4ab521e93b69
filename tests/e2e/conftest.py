"""End-to-end browser tests: Playwright for Python driving Debian's chromium.

Install the browser with ``scripts/install-browser`` (``.ci/run`` does). Without
``/usr/bin/chromium`` the tests are skipped with a message, unless
``ORION_REQUIRE_BROWSER=1`` (set by CI), where they fail instead.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("ORION_CHROMIUM", "/usr/bin/chromium"))
ROOT = Path(__file__).resolve().parent.parent.parent
# Test runs write under var/ (ignored by git); `make screenshots` refreshes docs/screenshots/.
SCREENSHOTS = Path(os.environ.get("ORION_SCREENSHOTS_DIR", ROOT / "var" / "screenshots"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]

# Playwright's sync API keeps an event loop in this thread; the live server's
# database work happens in its own thread, the test's own ORM calls here are
# plain synchronous code between browser steps.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} not found: run scripts/install-browser to run the browser tests"
        if os.environ.get("ORION_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site(live_server, transactional_db):
    """The live server's address, served as a platform host (localhost)."""
    from modules.tenancy.models import PlatformDomain
    from modules.tenancy.testing import make_platform

    platform = make_platform("live", "localhost")
    PlatformDomain.objects.filter(platform=platform).update(is_primary=True)  # links in emails use it
    PlatformDomain.objects.create(platform=platform, domain="127.0.0.1")
    return platform, live_server.url


@pytest.fixture
def new_page(browser):
    """``new_page()`` opens a page in a fresh context (its own cookies: one person each)."""
    contexts = []

    def _new_page(width: int = 1280, height: int = 860):
        context = browser.new_context(viewport={"width": width, "height": height}, locale="en-US")
        contexts.append(context)
        return context.new_page()

    yield _new_page
    for context in contexts:
        context.close()


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
