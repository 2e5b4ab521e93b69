"""The service idiom (``orion.services.store_write``) and the audit trail it writes.

Shown with the catalog and inventory services, the first modules written in it:
one scope, one transaction, one actor and one cache bump per outer write.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django_scopes import scope, scopes_disabled

from modules.catalog import services as catalog
from modules.catalog.exceptions import DuplicateSkuError, ProductNotFoundError
from modules.catalog.models import Product
from modules.catalog.services import VariantInput
from modules.catalog.tests.factories import AttributeFactory, AttributeValueFactory
from modules.inventory import services as inventory
from modules.tenancy import services as tenancy_services
from modules.tenancy.activity import TEAM_ACTIONS
from modules.tenancy.testing import owner_of
from orion import services as idiom
from orion.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def bumps(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The stores whose storefront cache a write dropped, one element per call."""
    calls: list[Any] = []
    monkeypatch.setattr(idiom, "store_content_changed", calls.append)
    return calls


def entries(store: Any, **filters: Any) -> list[AuditEntry]:
    """The store's entries but its team's (a store's creation records its owner joining)."""
    with scope(store=store):
        return list(AuditEntry.objects.filter(**filters).exclude(action__in=TEAM_ACTIONS).order_by("pk"))


def test_a_product_with_three_variants_drops_the_shop_cache_once(store: Any, bumps: list[Any]) -> None:
    size = AttributeFactory(store=store, name_en="Size")
    values = [AttributeValueFactory(attribute=size, value_en=label) for label in ("S", "M", "L")]
    bumps.clear()  # the factories may write through services too: count the product's write alone

    catalog.product_create(
        store=store,
        actor=owner_of(store),
        values={"title_en": "Shirt", "status": "active", "price_cents": 1990},
        option_attributes=[size],
        variants=[VariantInput(sku=f"SHIRT-{value.value_en}", option_values=[value]) for value in values],
    )

    # Three stock items were created through inventory's interface: they joined the outer write.
    assert bumps == [store]


def test_a_write_shoppers_cannot_see_leaves_the_cache_alone(store: Any, bumps: list[Any]) -> None:
    @idiom.store_write
    def rename_nothing(*, store: Any, actor: Any) -> None:
        pass

    rename_nothing(store=store, actor=None)

    assert bumps == []


def test_an_update_records_who_changed_which_field_from_what_to_what(store: Any) -> None:
    owner = owner_of(store)
    product = catalog.product_create(
        store=store, actor=owner, values={"title_en": "Mug", "sku": "MUG-1", "price_cents": 900}
    )

    catalog.product_update(store=store, actor=owner, product=product, values={"price_cents": 1200, "title_en": "Mug"})

    created, updated = entries(store, object_id=str(product.pk), action__startswith="catalog.product")
    assert created.action == "catalog.product.created"
    assert created.changes["title_en"] == [None, "Mug"]
    assert created.changes["variants"] == [None, ["MUG-1"]]
    assert updated.action == "catalog.product.updated"
    assert updated.changes == {"price_cents": [900, 1200]}  # the unchanged title is not listed
    assert (updated.actor, updated.actor_label, updated.object_repr) == (owner, owner.email, "Mug")


def test_an_update_that_changes_nothing_records_nothing(store: Any) -> None:
    owner = owner_of(store)
    product = catalog.product_create(
        store=store, actor=owner, values={"title_en": "Mug", "sku": "MUG-1", "price_cents": 900}
    )

    catalog.product_update(store=store, actor=owner, product=product, values={"title_en": "Mug"})

    assert [entry.action for entry in entries(store)] == ["inventory.item.created", "catalog.product.created"]


def test_nested_writes_carry_the_outer_actor(store: Any) -> None:
    owner = owner_of(store)

    catalog.product_create(store=store, actor=owner, values={"title_en": "Mug", "sku": "MUG-1", "price_cents": 900})

    (item_entry,) = entries(store, action="inventory.item.created")
    assert item_entry.actor == owner
    assert item_entry.changes["sku"] == [None, "MUG-1"]


def test_a_refused_write_records_nothing_and_changes_nothing(store: Any) -> None:
    owner = owner_of(store)
    catalog.product_create(store=store, actor=owner, values={"title_en": "Mug", "sku": "MUG-1", "price_cents": 900})
    before = len(entries(store))

    with pytest.raises(DuplicateSkuError):
        catalog.product_create(store=store, actor=owner, values={"title_en": "Cup", "sku": "MUG-1", "price_cents": 900})

    assert len(entries(store)) == before
    with scopes_disabled():
        assert not Product.objects.filter(title_en="Cup").exists()


def test_a_deleted_object_keeps_its_entries_readable(store: Any) -> None:
    owner = owner_of(store)
    product = catalog.product_create(
        store=store, actor=owner, values={"title_en": "Mug", "sku": "MUG-1", "price_cents": 900}
    )

    catalog.product_delete(store=store, actor=owner, product=product)

    deleted = entries(store, action="catalog.product.deleted")[0]
    assert deleted.object_repr == "Mug"
    assert deleted.changes["title_en"] == ["Mug", None]


def test_another_stores_row_is_not_found_and_nothing_is_recorded(store: Any, other_store: Any) -> None:
    theirs = catalog.product_create(
        store=other_store, actor=owner_of(other_store), values={"title_en": "Theirs", "sku": "T-1", "price_cents": 500}
    )

    with pytest.raises(ProductNotFoundError):
        catalog.product_update(store=store, actor=owner_of(store), product=theirs, values={"price_cents": 1})

    assert entries(store) == []
    assert [entry.action for entry in entries(other_store)] == ["inventory.item.created", "catalog.product.created"]


def test_entries_are_scoped_to_their_store(store: Any, other_store: Any) -> None:
    catalog.category_create(store=store, actor=owner_of(store), values={"name_en": "Ours"})
    catalog.category_create(store=other_store, actor=owner_of(other_store), values={"name_en": "Theirs"})

    assert [entry.object_repr for entry in entries(store)] == ["Ours"]


def test_recording_outside_a_store_write_is_a_programming_error(store: Any) -> None:
    with pytest.raises(RuntimeError, match="store_write"):
        idiom.record(store, "core.store.touched")


def test_a_write_runs_in_its_stores_scope_whatever_the_caller_opened(store: Any, other_store: Any) -> None:
    with scope(store=other_store):
        location = inventory.location_create(store=store, actor=None, name="Main", code="main")

    assert location.store == store
    with pytest.raises(ValidationError):  # the code is taken in *this* store, seen through its scope
        with scope(store=other_store):
            inventory.location_create(store=store, actor=None, name="Again", code="main")


def test_an_entry_reads_choices_by_their_label_and_cents_as_money(store: Any) -> None:
    owner = owner_of(store)
    product = catalog.product_create(
        store=store, actor=owner, values={"title_en": "Mug", "sku": "MUG-1", "price_cents": 900}
    )

    catalog.product_update(store=store, actor=owner, product=product, values={"status": "active", "price_cents": 1250})

    (updated,) = entries(store, action="catalog.product.updated")
    assert updated.changes == {"status": ["draft", "active"], "price_cents": [900, 1250]}  # kept as written
    assert [(str(label), before, after) for label, before, after in updated.change_rows] == [
        ("status", "Draft", "Active"),
        ("price", "9.00", "12.50"),
    ]


def test_store_from_takes_the_store_of_a_row_the_service_is_given(store: Any, other_store: Any) -> None:
    """``store_from="membership"``: a service given a row of the store, not ``store=``, writes in its store."""
    from modules.tenancy.models import StoreMembership

    with scopes_disabled():
        membership = StoreMembership.objects.get(store=store)

    @idiom.store_write(store_from="membership")
    def touch(*, membership: Any, actor: Any) -> Any:
        idiom.record(membership, "tests.member.touched", object_repr=membership.user.email)
        return idiom.current_write().store

    with scope(store=other_store):  # whatever the caller opened
        assert touch(membership=membership, actor=owner_of(store)) == store

    (entry,) = entries(store, action="tests.member.touched")
    assert (entry.object_repr, entry.actor, entry.object_id) == (
        owner_of(store).email,
        owner_of(store),
        str(membership.pk),
    )
    assert entries(other_store, action="tests.member.touched") == []


def test_a_domain_made_primary_and_removed_is_recorded_on_the_domain(store: Any) -> None:
    owner = owner_of(store)
    first = tenancy_services.store_domain_add(store=store, actor=owner, domain="a.example.com")
    second = tenancy_services.store_domain_add(store=store, actor=owner, domain="b.example.com")

    tenancy_services.store_domain_make_primary(store_domain=second, actor=owner)
    tenancy_services.store_domain_remove(store_domain=first, actor=owner)

    domain_entries = [(e.action, e.object_repr, e.changes) for e in entries(store, action__startswith="tenancy.domain")]
    assert domain_entries == [
        ("tenancy.domain.added", "a.example.com", {"domain": [None, "a.example.com"], "is_primary": [None, True]}),
        ("tenancy.domain.added", "b.example.com", {"domain": [None, "b.example.com"], "is_primary": [None, False]}),
        ("tenancy.domain.made_primary", "b.example.com", {"is_primary": [False, True]}),
        ("tenancy.domain.updated", "a.example.com", {"is_primary": [True, False]}),
        ("tenancy.domain.removed", "a.example.com", {"domain": ["a.example.com", None], "is_primary": [False, None]}),
    ]


def test_a_nested_write_that_fails_leaves_no_entry_when_the_outer_one_carries_on(store: Any) -> None:
    owner = owner_of(store)
    location = inventory.location_create(store=store, actor=owner, name="Main", code="main")

    @idiom.store_write
    def rename_then_refuse(*, store: Any, actor: Any, name: str) -> None:
        before = idiom.snapshot(location, ("name",))
        location.name = name
        location.save(update_fields=["name"])
        idiom.record_changed(location, "inventory.location.updated", before=before)
        raise ValidationError("refused after the change")

    @idiom.store_write
    def rename_with_a_fallback(*, store: Any, actor: Any) -> None:
        try:
            rename_then_refuse(store=store, actor=actor, name="Refused")
        except ValidationError:
            inventory.location_update(store=store, actor=actor, location=location.pk, name="Back room")

    rename_with_a_fallback(store=store, actor=owner)

    updates = entries(store, action="inventory.location.updated")
    assert [entry.changes["name"] for entry in updates] == [["Main", "Back room"]]  # nothing of the refused rename
