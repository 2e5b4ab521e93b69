"""In a real browser: an owner invites a manager, who joins and sees what the role grants.

Also writes a screenshot of each frontend to docs/screenshots/.
"""

from __future__ import annotations

import re

import pytest
from django.core import mail

from modules.tenancy.testing import PASSWORD

from .conftest import log_in, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_owner_invites_a_manager_who_joins_and_sees_only_what_the_role_grants(shop, new_page):
    url, store = shop

    # The owner logs in and lands on the dashboard of their only store.
    owner = new_page()
    log_in(owner, url, "olivia@acme.test")
    assert owner.url.endswith("/store/acme/core/dashboard/")
    screenshot(owner, "store-dashboard")

    # ... opens the team page from the sidebar and invites a manager.
    owner.click("nav.sidebar >> text=Team")
    owner.fill("input[name=email]", "max@acme.test")
    owner.select_option("select[name=role]", label="Manager")
    owner.click("text=Send invitation")
    assert "max@acme.test" in owner.inner_text("#invitations")
    screenshot(owner, "store-team")

    # The invitation went out by email (Celery, eager here) with a single-use link.
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/invitations/\S+/", mail.outbox[0].body).group(0)

    # Max has no account yet: he creates one from the invitation and joins.
    manager = new_page()
    manager.goto(link)
    screenshot(manager, "invitation-accept")
    manager.fill("input[name=full_name]", "Max Manager")
    manager.fill("input[name=password]", "a sturdy passphrase 42")
    manager.click("text=Create account and join")
    manager.wait_for_load_state()
    assert "/store/acme/core/dashboard/" in manager.url

    # The manager sees the team, but not roles or domains (owner-only), in the menu ...
    menu = manager.inner_text("nav.sidebar")
    assert "Team" in menu and "Dashboard" in menu
    assert "Roles" not in menu and "Domains" not in menu
    # ... and typing the address does not get him there either.
    response = manager.goto(f"{url}/store/acme/tenancy/roles/")
    assert response.status == 403

    # The owner now sees Max on the team as a manager.
    owner.goto(f"{url}/store/acme/tenancy/team/")
    assert "max@acme.test" in owner.inner_text("#members")

    # The link works once only.
    again = new_page()
    assert again.goto(link).status == 404


def test_screenshots_of_the_other_frontends(shop, new_page, django_user_model):
    url, _store = shop
    django_user_model.objects.create_superuser("root@orion.test", PASSWORD)

    page = new_page()
    page.goto(f"{url}/")
    screenshot(page, "public-home")
    page.goto(f"{url}/signup/")
    screenshot(page, "public-signup")
    page.goto(f"{url}/accounts/login/")
    screenshot(page, "login")
    page.goto(f"{url}/shop/acme/")
    assert "Gear for every trail" in page.inner_text("body")
    screenshot(page, "storefront")
    page.goto(f"{url}/api/docs/")
    page.wait_for_selector(".swagger-ui .info", timeout=15_000)
    screenshot(page, "api-docs")

    phone = new_page(width=390, height=844)
    phone.goto(f"{url}/shop/acme/")
    screenshot(phone, "storefront-phone")

    admin = new_page()
    admin.goto(f"{url}/admin/login/")
    admin.fill("input[name=username]", "root@orion.test")
    admin.fill("input[name=password]", PASSWORD)
    admin.click("input[type=submit]")
    admin.goto(f"{url}/admin/tenancy/store/")
    screenshot(admin, "admin-stores")
