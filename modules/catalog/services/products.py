"""Writes of products and their variants.

Every function is atomic: a refused change writes nothing, stock items in
inventory included. A product without options has exactly one variant (its
default, SKU ``values["sku"]``); a product with options has one variant per
combination of option values, each with exactly one value of each option.
Every variant owns a stock item in inventory, created, renamed and retired
with it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from django.contrib.postgres.search import SearchVector
from django.core.exceptions import ValidationError
from django.core.files.storage import Storage
from django.db import IntegrityError, connection, transaction
from django.db.models import TextField, Value
from django.utils import timezone
from django.utils.translation import gettext as _

from modules.contracts.protocols import StoreRef
from modules.inventory import interface as inventory
from modules.tenancy.interface import Store
from orion.services import changes_between, ensure_in_store, record, snapshot, store_write

from .. import events
from ..exceptions import DuplicateSkuError, ProductNotDraftError, ProductNotFoundError
from ..limits import check_active_product_limit
from ..models import Attribute, AttributeValue, Category, Product, ProductImage, ProductStatus, Variant
from ..richtext import html_to_text, sanitize_html
from ._common import (
    DEFAULT_LANGUAGE,
    apply_values,
    as_id,
    columns,
    on_commit,
    require_default_language,
    resolve,
    unique_slug,
)

PRODUCT_FIELDS = frozenset(
    {
        *columns("title"),
        *columns("description"),
        "slug",
        "status",
        "price_cents",
        "compare_at_price_cents",
        "tax_class",
        "is_featured",
    }
)


# What the audit trail keeps of a product, besides its variants (descriptions are long: left out).
AUDITED = (*columns("title"), "slug", "status", "price_cents", "compare_at_price_cents", "tax_class", "is_featured")


def _audit_state(product: Product) -> dict[str, Any]:
    """The product's audited fields and its variants as "SKU price" lines, to compare before and after a write."""
    state = snapshot(product, AUDITED)
    variants = product.variants.order_by("position", "pk").values_list("sku", "price_cents")
    state["variants"] = [sku if price is None else f"{sku} {price}" for sku, price in variants]
    return state


@dataclass(frozen=True)
class VariantInput:
    """One variant as submitted: ``id`` of an existing variant to change it, none to add one.

    ``option_values`` are ``AttributeValue`` instances or ids, one per option attribute.
    """

    sku: str
    price_cents: int | None = None
    compare_at_price_cents: int | None = None
    option_values: Sequence[Any] = ()
    id: int | None = None
    position: int = 0



def _clean_product(product: Product) -> None:
    """Sanitise the descriptions and validate the fields (field errors keyed by column)."""
    for column in columns("description"):
        setattr(product, column, sanitize_html(getattr(product, column) or ""))
    require_default_language(product, "title")
    product.full_clean(exclude=["store", "categories", "option_attributes"], validate_constraints=False)


def variant_name(product: Product, option_values: Iterable[AttributeValue]) -> str:
    """The stock item's name: the product's title (default language) and the variant's option values."""
    parts = [getattr(product, f"title_{DEFAULT_LANGUAGE}") or ""]
    ordered = sorted(option_values, key=lambda value: (value.attribute_id, value.pk))
    parts += [getattr(value, f"value_{DEFAULT_LANGUAGE}") or value.slug for value in ordered]
    return " / ".join(part for part in parts if part)[:255]


@dataclass
class _PlannedVariant:
    """A validated ``VariantInput``: the option values resolved, the existing variant found."""

    index: int
    sku: str
    price_cents: int | None
    compare_at_price_cents: int | None
    position: int
    option_values: list[AttributeValue]
    existing: Variant | None


def _plan_variants(
    *,
    product: Product | None,
    values: dict[str, Any],
    options: list[Attribute],
    variants: Sequence[VariantInput],
) -> list[_PlannedVariant]:
    """Check the submitted variant set against the product's options; field errors name ``variants[i].<field>``."""
    existing = {v.pk: v for v in product.variants.prefetch_related("option_values")} if product else {}
    if not options:
        if len(variants) > 1 or (variants and variants[0].option_values):
            raise ValidationError(
                {"variants": [_("A product without options has exactly one variant; add options to have more.")]}
            )
        current = next(iter(existing.values()), None)
        given = variants[0] if variants else None
        sku = given.sku if given else values.get("sku", current.sku if current else "")
        variants = [
            VariantInput(
                sku=sku,
                price_cents=given.price_cents if given else None,
                compare_at_price_cents=given.compare_at_price_cents if given else None,
                id=given.id if given and given.id else (current.pk if current else None),
                position=given.position if given else 0,
            )
        ]
        prefix: Callable[[int], str] = lambda index: ""  # noqa: E731 - the default variant's fields are the product's
    else:
        if not variants:
            raise ValidationError({"variants": [_("A product with options needs at least one variant.")]})
        prefix = lambda index: f"variants[{index}]."  # noqa: E731

    errors: dict[str, list[str]] = {}
    option_ids = {attribute.pk for attribute in options}
    all_value_ids = {as_id(v) for variant in variants for v in variant.option_values} - {None}
    known_values = AttributeValue.objects.in_bulk(list(all_value_ids)) if all_value_ids else {}
    planned: list[_PlannedVariant] = []
    combinations: dict[frozenset[int], int] = {}
    for index, variant in enumerate(variants):
        field = prefix(index)
        sku = (variant.sku or "").strip()
        if not sku:
            errors.setdefault(f"{field}sku", []).append(_("Every variant needs a SKU."))
        for name in ("price_cents", "compare_at_price_cents"):
            amount = getattr(variant, name)
            if amount is not None and amount < 0:
                errors.setdefault(f"{field}{name}", []).append(_("Prices cannot be negative."))
        if variant.id is not None and variant.id not in existing:
            errors.setdefault(f"{field}id", []).append(_("This variant does not belong to the product."))
        chosen = [known_values.get(as_id(v)) for v in variant.option_values]
        if options:
            attribute_ids = [value.attribute_id for value in chosen if value is not None]
            if None in chosen or len(attribute_ids) != len(option_ids) or set(attribute_ids) != option_ids:
                errors.setdefault(f"{field}option_values", []).append(
                    _("Choose exactly one value of each option: %(options)s.")
                    % {"options": ", ".join(str(attribute) for attribute in options)}
                )
            else:
                combination = frozenset(value.pk for value in chosen if value is not None)  # none is, as checked
                if combination in combinations:
                    errors.setdefault(f"{field}option_values", []).append(
                        _("Variant %(number)d already has these options.") % {"number": combinations[combination] + 1}
                    )
                combinations.setdefault(combination, index)
        planned.append(
            _PlannedVariant(
                index=index,
                sku=sku,
                price_cents=variant.price_cents,
                compare_at_price_cents=variant.compare_at_price_cents,
                position=variant.position if options else 0,
                option_values=[value for value in chosen if value is not None],
                existing=existing.get(variant.id) if variant.id is not None else None,
            )
        )
    if errors:
        raise ValidationError(errors)
    _check_skus(product=product, planned=planned, prefix=prefix)
    return planned


def _check_skus(*, product: Product | None, planned: list[_PlannedVariant], prefix: Any) -> None:
    """SKUs are unique in the store: among the submitted variants and against other products' variants."""
    errors: dict[str, list[str]] = {}
    first_index: dict[str, int] = {}
    for variant in planned:
        if variant.sku in first_index:
            errors[f"{prefix(variant.index)}sku"] = [
                _("Variant %(number)d already uses the SKU %(sku)s.")
                % {"number": first_index[variant.sku] + 1, "sku": variant.sku}
            ]
        first_index.setdefault(variant.sku, variant.index)
    taken = Variant.objects.filter(sku__in=list(first_index))
    if product is not None:
        taken = taken.exclude(product=product)
    for sku, title in taken.values_list("sku", f"product__title_{DEFAULT_LANGUAGE}"):
        errors[f"{prefix(first_index[sku])}sku"] = [
            _("The SKU %(sku)s is already used by “%(product)s”.") % {"sku": sku, "product": title}
        ]
    if errors:
        message = next(iter(errors.values()))[0]
        raise DuplicateSkuError(message, errors=dict(sorted(errors.items())))


def _stock_call(function: Any, field: str, **kwargs: Any) -> Any:
    """Call inventory; its "SKU taken" (a retired item may still hold the SKU) becomes a DuplicateSkuError on ``field``."""
    try:
        return function(**kwargs)
    except ValidationError as exc:
        problems = getattr(exc, "message_dict", {}).get("sku")
        if not problems:
            raise
        raise DuplicateSkuError(problems[0], errors={field: problems}) from exc


def _save_variants(
    *, store: Store, product: Product, planned: list[_PlannedVariant], has_options: bool, renamed: bool
) -> None:
    """Write the planned variant set: update the listed, create the new, delete the rest; keep stock items in step."""
    kept = {variant.existing.pk for variant in planned if variant.existing is not None}
    removed = list(product.variants.exclude(pk__in=kept))
    if removed:
        Variant.objects.filter(pk__in=[variant.pk for variant in removed]).delete()
        retired = [variant.stock_item_id for variant in removed if variant.stock_item_id]
        if retired:
            inventory.stock_items_retire(store=store, item_ids=retired)
    # SKUs may move between variants (A takes B's, B takes A's): park the changing ones first.
    # (Every variant in ``changing`` has an existing row.)
    changing = [v for v in planned if v.existing is not None and v.existing.sku != v.sku]
    swapping = {v.sku for v in changing} & {v.existing.sku for v in changing}  # type: ignore[union-attr]
    for variant in changing:
        Variant.objects.filter(pk=variant.existing.pk).update(sku=f"~{variant.existing.pk}")  # type: ignore[union-attr]
        if swapping and variant.existing.stock_item_id:  # type: ignore[union-attr]
            item_id = variant.existing.stock_item_id  # type: ignore[union-attr]
            inventory.stock_item_update(store=store, item_id=item_id, sku=f"~{item_id}")
    for variant in planned:
        field = f"variants[{variant.index}]." if has_options else ""
        row = variant.existing or Variant(store=store, product=product)
        old_sku = row.sku if variant.existing is not None else None
        old_values = {value.pk for value in row.option_values.all()} if variant.existing is not None else set()
        row.sku = variant.sku
        row.price_cents = variant.price_cents
        row.compare_at_price_cents = variant.compare_at_price_cents
        row.position = variant.position
        try:
            row.full_clean(exclude=["store", "product", "option_values", "stock_item"], validate_constraints=False)
        except ValidationError as exc:
            raise ValidationError({f"{field}{name}": problems for name, problems in exc.message_dict.items()}) from exc
        try:
            with transaction.atomic():
                row.save()
        except IntegrityError as exc:  # another request took the SKU since the check
            message = _("The SKU %(sku)s is already used.") % {"sku": row.sku}
            raise DuplicateSkuError(message, errors={f"{field}sku": [message]}) from exc
        new_values = {value.pk for value in variant.option_values}
        if new_values != old_values:
            row.option_values.set(variant.option_values)
        name = variant_name(product, variant.option_values)
        if row.stock_item_id is None:
            row.stock_item_id = _stock_call(
                inventory.stock_item_create, f"{field}sku", store=store, sku=row.sku, name=name
            )
            row.save(update_fields=["stock_item"])
        elif renamed or old_sku != row.sku or new_values != old_values:
            _stock_call(
                inventory.stock_item_update,
                f"{field}sku",
                store=store,
                item_id=row.stock_item_id,
                sku=row.sku,
                name=name,
            )


def _search_vector_of(document: str) -> dict[str, Any]:
    """``search_vector`` for ``document``, as ``update()`` keywords; only PostgreSQL has the type."""
    if connection.vendor != "postgresql":
        return {}
    return {"search_vector": SearchVector(Value(document, output_field=TextField()), config="simple")}


def _rebuild_search_document(product: Product) -> None:
    parts = [getattr(product, column) or "" for column in columns("title")]
    parts += [html_to_text(getattr(product, column) or "") for column in columns("description")]
    parts += list(product.variants.order_by("position", "id").values_list("sku", flat=True))
    document = "\n".join(dict.fromkeys(part for part in parts if part))
    if document != product.search_document:
        product.search_document = document
        Product.objects.filter(pk=product.pk).update(search_document=document, **_search_vector_of(document))


def _announce(store: StoreRef, product: Product, *, old_status: str | None, first_time: bool) -> None:
    """Send ``product_published`` / ``product_archived`` after commit when the status changed to one of them."""
    if product.status == old_status:
        return
    arguments = {"sender": "catalog", "platform": store.platform, "store_id": store.pk, "product_id": product.pk}
    if product.status == ProductStatus.ACTIVE:
        on_commit(lambda: events.product_published.send_robust(**arguments, first_time=first_time))
    elif product.status == ProductStatus.ARCHIVED:
        on_commit(lambda: events.product_archived.send_robust(**arguments))


def _mark_published(product: Product, old_status: str | None) -> bool:
    """Set ``published_at`` the first time the product is active; True when this is that time."""
    if product.status == ProductStatus.ACTIVE and old_status != ProductStatus.ACTIVE and product.published_at is None:
        product.published_at = timezone.now()
        return True
    return False


def _product_values(values: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in values.items() if name != "sku"}


@store_write(changes_shop=True)
def product_create(
    *,
    store: Store,
    actor: Any,
    values: dict[str, Any],
    categories: Iterable[Any] = (),
    option_attributes: Iterable[Any] = (),
    variants: Sequence[VariantInput] = (),
) -> Product:
    """A new product with its variants (or its default variant, SKU ``values["sku"]``) and their stock items.

    ``values`` holds model fields with per-language columns (``title_en``,
    ``description_de``, ...); ``slug`` is made from the English title when
    empty. ``categories`` and ``option_attributes`` are instances or ids of
    this store's rows.
    """
    product = Product(store=store, currency=store.currency)
    apply_values(product, _product_values(values), PRODUCT_FIELDS)
    require_default_language(product, "title")
    product.slug = unique_slug(
        Product,
        wanted=values.get("slug") or "",
        source=getattr(product, f"title_{DEFAULT_LANGUAGE}"),
        fallback="product",
        store=store,
    )
    _clean_product(product)
    category_rows = resolve(Category, categories, field="categories")
    options = resolve(Attribute, option_attributes, field="option_attributes")
    planned = _plan_variants(product=None, values=values, options=options, variants=variants)
    if product.status == ProductStatus.ACTIVE:
        check_active_product_limit(store=store, activating=1)
    first_time = _mark_published(product, None)
    product.save()
    product.categories.set(category_rows)
    product.option_attributes.set(options)
    _save_variants(store=store, product=product, planned=planned, has_options=bool(options), renamed=False)
    _rebuild_search_document(product)
    _announce(store, product, old_status=None, first_time=first_time)
    record(product, "catalog.product.created", changes_between({}, _audit_state(product)))
    return product


@store_write(changes_shop=True)
def product_update(
    *,
    store: Store,
    actor: Any,
    product: Product,
    values: dict[str, Any],
    categories: Iterable[Any] | None = None,
    option_attributes: Iterable[Any] | None = None,
    variants: Sequence[VariantInput] | None = None,
) -> Product:
    """Change a product. ``None`` leaves categories, options or variants as they are.

    ``variants`` is the full new set: listed ids are updated, entries without
    an id are added, variants left out are deleted and their stock items
    retired. Options changed without ``variants`` must still fit the
    existing variants. For a product without options, ``values["sku"]``
    changes the default variant's SKU.
    """
    ensure_in_store(product, store, ProductNotFoundError)
    product = Product.objects.select_for_update().get(pk=product.pk)
    before = _audit_state(product)
    old_status = product.status
    old_title = getattr(product, f"title_{DEFAULT_LANGUAGE}")  # stock items are named in it
    apply_values(product, _product_values(values), PRODUCT_FIELDS)
    require_default_language(product, "title")
    if "slug" in values:
        product.slug = unique_slug(
            Product,
            wanted=values["slug"] or "",
            source=getattr(product, f"title_{DEFAULT_LANGUAGE}"),
            fallback="product",
            exclude_pk=product.pk,
            store=store,
        )
    _clean_product(product)
    category_rows = resolve(Category, categories, field="categories") if categories is not None else None
    if option_attributes is not None:
        options = resolve(Attribute, option_attributes, field="option_attributes")
    else:
        options = list(product.option_attributes.all())
    planned = None
    if variants is not None or option_attributes is not None or "sku" in values:
        if variants is None:  # the existing set, checked against the (new) options
            variants = [
                VariantInput(
                    sku=variant.sku,
                    price_cents=variant.price_cents,
                    compare_at_price_cents=variant.compare_at_price_cents,
                    # Options dropped: the one remaining variant keeps no option values.
                    option_values=[value.pk for value in variant.option_values.all()] if options else (),
                    id=variant.pk,
                    position=variant.position,
                )
                for variant in product.variants.prefetch_related("option_values")
            ]
            if not options and "sku" in values:
                variants = [replace(variants[0], sku=values["sku"])] if variants else []
        planned = _plan_variants(product=product, values=values, options=options, variants=variants)
    if product.status == ProductStatus.ACTIVE and old_status != ProductStatus.ACTIVE:
        check_active_product_limit(store=store, activating=1)
    first_time = _mark_published(product, old_status)
    product.save()
    if category_rows is not None:
        product.categories.set(category_rows)
    if option_attributes is not None:
        product.option_attributes.set(options)
    renamed = old_title != getattr(product, f"title_{DEFAULT_LANGUAGE}")
    if planned is not None:
        _save_variants(store=store, product=product, planned=planned, has_options=bool(options), renamed=renamed)
    elif renamed:
        for variant in product.variants.prefetch_related("option_values"):
            if variant.stock_item_id:
                name = variant_name(product, variant.option_values.all())
                inventory.stock_item_update(store=store, item_id=variant.stock_item_id, name=name)
    _rebuild_search_document(product)
    _announce(store, product, old_status=old_status, first_time=first_time)
    changes = changes_between(before, _audit_state(product))
    if changes:
        record(product, "catalog.product.updated", changes)
    return product


def _delete_products(store: StoreRef, products: list[Product]) -> None:
    """Delete products with their variants and images; retire the stock items, remove the files after commit."""
    ids = [product.pk for product in products]
    item_ids = list(
        Variant.objects.filter(product_id__in=ids, stock_item__isnull=False).values_list("stock_item", flat=True)
    )
    files = [
        (image.image, image.thumbnail)
        for image in ProductImage.objects.filter(product_id__in=ids).only(
            "image", "thumbnail", "store_id", "product_id"
        )
    ]
    for product in products:
        record(product, "catalog.product.deleted", changes_between(snapshot(product, AUDITED), {}))
    Product.objects.filter(pk__in=ids).delete()
    if item_ids:
        inventory.stock_items_retire(store=store, item_ids=item_ids)
    for image_file, thumbnail_file in files:
        for field_file in (image_file, thumbnail_file):
            if field_file:
                storage, name = field_file.storage, field_file.name

                def delete(storage: Storage = storage, name: str | None = name) -> None:
                    storage.delete(name)  # type: ignore[arg-type]  # a file that is set has a name

                on_commit(delete)


@store_write(changes_shop=True)
def product_delete(*, store: StoreRef, actor: Any, product: Product) -> None:
    """Delete a product, its variants and images; their stock items are retired (movements stay for history)."""
    ensure_in_store(product, store, ProductNotFoundError)
    _delete_products(store, [product])


def _products_by_ids(product_ids: Iterable[Any]) -> list[Product]:
    ids = list(dict.fromkeys(as_id(pk) for pk in product_ids))
    if None in ids:
        raise ProductNotFoundError()
    products = list(Product.objects.select_for_update().filter(pk__in=ids).order_by("pk"))  # type: ignore[misc]  # no None
    if len(products) != len(ids):
        raise ProductNotFoundError()
    return products


@store_write(changes_shop=True)
def products_set_status(*, store: Store, actor: Any, product_ids: Iterable[Any], status: str) -> int:
    """Publish, archive or unpublish several products at once, all or nothing; returns how many changed.

    Any id not of this store refuses the whole batch (``ProductNotFoundError``),
    as does publishing beyond the active product limit.
    """
    if status not in ProductStatus.values:
        raise ValidationError({"status": [_("Unknown status.")]})
    products = [product for product in _products_by_ids(product_ids) if product.status != status]
    if status == ProductStatus.ACTIVE:
        check_active_product_limit(store=store, activating=len(products))
    for product in products:
        old_status = product.status
        product.status = status
        first_time = _mark_published(product, old_status)
        product.save(update_fields=["status", "published_at", "updated_at"])
        record(product, "catalog.product.updated", {"status": [old_status, status]})
        _announce(store, product, old_status=old_status, first_time=first_time)
    return len(products)


@store_write(changes_shop=True)
def products_delete_drafts(*, store: StoreRef, actor: Any, product_ids: Iterable[Any]) -> int:
    """Delete several draft products at once; refuses the whole batch if one is not a draft. Returns how many."""
    products = _products_by_ids(product_ids)
    if any(product.status != ProductStatus.DRAFT for product in products):
        raise ProductNotDraftError()
    _delete_products(store, products)
    return len(products)
