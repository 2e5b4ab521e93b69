"""The catalog's and inventory's dashboard tiles: counts of this store only, for those who may see them."""

from django.urls import reverse
from django_scopes import scope

from modules.inventory import services as inventory_services
from modules.inventory.models import StockItem
from modules.tenancy.models import StoreRole
from modules.tenancy.testing import owner_of

from .factories import ProductFactory


def _dashboard(client, store, user=None):
    client.force_login(user or owner_of(store))
    return client.get(reverse("store:core:dashboard_view", kwargs={"store_code": store.code}))


def _metrics(response):
    return {metric.key: metric.value for metric in response.context["metrics"]}


def test_tiles_count_this_stores_products_and_stock(client, store, other_store, enable):
    enable("catalog")
    ProductFactory(store=store, status="active", sku="A-1")
    ProductFactory(store=store, status="draft", sku="A-2")
    ProductFactory(store=other_store, status="active", sku="B-1")
    ProductFactory(store=other_store, status="active", sku="B-2")
    with scope(store=store):
        location = inventory_services.location_create(store=store, actor=None, name="Warehouse", code="wh")
        low = StockItem.objects.get(sku="A-1")
        inventory_services.stock_item_update(store=store, item=low, low_stock_threshold=5)
        inventory_services.stock_adjust(
            store=store, actor=None, item=low, location=location, reason="received", delta=3
        )

    response = _dashboard(client, store)

    metrics = _metrics(response)
    assert metrics["catalog.active_products"] == "1 / 500"
    assert metrics["catalog.draft_products"] == 1
    assert metrics["inventory.low_stock"] == 1
    assert metrics["inventory.sold_out"] == 1  # A-2 has no stock
    assert 'data-widget="inventory.low_stock"' in response.content.decode()


def test_tiles_need_the_view_permissions(client, store, enable, member):
    enable("catalog")
    with scope(store=store):
        role = StoreRole.objects.create(store=store, name="Dashboard only", permissions=["core.view_dashboard"])
    user = member(store, "clerk@example.test", "custom", role=role)

    metrics = _metrics(_dashboard(client, store, user))

    assert not [key for key in metrics if key.startswith(("catalog.", "inventory."))]


def test_no_tiles_while_the_modules_are_off(client, store):
    metrics = _metrics(_dashboard(client, store))

    assert not [key for key in metrics if key.startswith(("catalog.", "inventory."))]
