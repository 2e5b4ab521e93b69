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


@pytest.fixture
def shop(site, settings):
    """Acme Outdoor on the live site, owned by olivia@acme.test."""
    from modules.tenancy import services as tenancy_services
    from modules.tenancy.models import Merchant
    from modules.tenancy.testing import make_user

    platform, url = site
    settings.ORION_PUBLIC_SCHEME = "http"
    settings.ORION_PUBLIC_PORT = ":" + url.rsplit(":", 1)[1]
    owner = make_user("olivia@acme.test", full_name="Olivia Owner")
    merchant = Merchant.objects.create(platform=platform, name="Acme Outdoor GmbH", email="office@acme.test")
    store = tenancy_services.store_create(
        platform=platform, merchant=merchant, code="acme", name="Acme Outdoor", owner=owner
    )
    store.tagline = "Gear for every trail"
    store.description = "Boots, tents and everything for a weekend outside."
    store.save(update_fields=["tagline", "description", "tagline_en", "description_en"])
    return url, store


def log_in(page, url: str, email: str, password: str = "") -> None:
    from modules.tenancy.testing import PASSWORD

    password = password or PASSWORD
    page.goto(f"{url}/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    page.click("form button[type=submit]")
    page.wait_for_load_state()


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
