"""In a real browser: a merchant lists a product and receives stock, a shopper finds it; archived, it is gone.

The shop's pages are served from the storefront page cache between the
shopper's visits, so this also shows a merchant's change reaching shoppers
at once. Writes screenshots of the catalogue's pages too.
"""

from __future__ import annotations

import pytest
from django_scopes import scopes_disabled

from modules.inventory import services as inventory_services
from modules.inventory.models import StockItem
from orion.modules import services as module_services

from .conftest import log_in, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture
def catalog_shop(shop):
    url, store = shop
    module_services.enable_module(platform=store.platform, code="catalog", via="test")
    inventory_services.location_create(store=store, actor=None, name="Warehouse", code="main")
    return url, store


def test_a_product_listed_and_stocked_by_the_merchant_is_found_by_a_shopper_until_archived(catalog_shop, new_page):
    url, store = catalog_shop
    merchant = new_page()
    log_in(merchant, url, "olivia@acme.test")

    merchant.goto(f"{url}/store/acme/catalog/products/new/")
    merchant.fill("#id_title_en", "Storm Lantern")
    merchant.fill("#id_price", "34.50")
    merchant.select_option("#id_status", "active")
    merchant.fill("#id_variants-0-sku", "LANTERN")
    merchant.click("text=Save product")
    assert "saved" in merchant.inner_text(".messages")
    product_page_of_merchant = merchant.url

    with scopes_disabled():
        item = StockItem.objects.get(store=store, sku="LANTERN")
    merchant.goto(f"{url}/store/acme/inventory/stock/{item.pk}/adjust/")
    merchant.select_option("#id_location", label="Warehouse")
    merchant.fill("#id_quantity", "12")
    merchant.click("main form button[type=submit]")
    assert "was updated" in merchant.inner_text(".messages")
    merchant.goto(f"{url}/store/acme/catalog/products/")
    screenshot(merchant, "catalog-dashboard-products")

    shopper = new_page()
    shopper.goto(f"{url}/shop/acme/products/")
    shopper.fill("input[name=q]", "lantern")
    shopper.click("text=Show products")
    assert shopper.inner_text(".shop-card-title") == "Storm Lantern"
    screenshot(shopper, "storefront-product-list")
    shopper.click(".shop-card-link")
    assert "In stock" in shopper.inner_text("main")
    assert "€34.50" in shopper.inner_text("main")
    screenshot(shopper, "storefront-product")
    shop_product_page = shopper.url
    shopper.goto(f"{url}/shop/acme/products/")  # both pages are now in the cache
    shopper.goto(shop_product_page)

    merchant.goto(product_page_of_merchant)
    merchant.select_option("#id_status", "archived")
    merchant.click("text=Save product")
    assert "saved" in merchant.inner_text(".messages")

    gone = shopper.goto(shop_product_page)
    assert gone.status == 404
    shopper.goto(f"{url}/shop/acme/products/")
    assert "Storm Lantern" not in shopper.inner_text("main")
