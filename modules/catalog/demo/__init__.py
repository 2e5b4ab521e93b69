"""Demo catalogues for ``manage.py load_demo``: categories, options, products, variants and images per store.

The catalogues are data: ``catalogues/<store code>.toml`` (the store "acme"'s
is also every other store's) and ``options.toml`` (the sizes' and colours'
names), read and checked by ``loader``. This module seeds them through the
module's services, as a merchant's edits do: slugs, search documents and the
variants' stock items (through inventory's interface) come out as they would
in the shop. A store that has any product already is left alone, so the
command is safe to run again. Images are drawn here with Pillow (a coloured
square with the product's initials), so no binary file lives in the repository.
"""

from __future__ import annotations

import io
from itertools import product as combinations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django_scopes import scope
from PIL import Image, ImageDraw, ImageFont

from modules.contracts.protocols import StoreRef
from modules.tenancy.interface import Store

from .. import services
from ..models import Attribute, AttributeValue, Category, Product
from ..services import VariantInput
from . import loader
from .loader import (
    DEFAULT_CATALOGUE,
    DataFileError,
    DemoCatalogue,
    DemoCategory,
    DemoOptions,
    DemoProduct,
    catalogues,
    load_catalogue,
    load_options,
)

__all__ = [
    "DataFileError",
    "DemoCatalogue",
    "DemoOptions",
    "IMAGE_SIZE",
    "catalogue_for",
    "catalogues",
    "demo_image",
    "initials",
    "load_catalogue",
    "load_options",
    "seed_store",
]

IMAGE_SIZE = 400


def catalogue_for(store: StoreRef) -> DemoCatalogue:
    """The demo catalogue of a demo store, by code; any other store gets the outdoor one ("acme")."""
    found = catalogues()
    return found.get(store.code, found[DEFAULT_CATALOGUE])


def _per_language(prefix: str, texts: dict[str, str], wrap: str = "{}") -> dict[str, str]:
    return {f"{prefix}_{language}": wrap.format(text) for language, text in texts.items()}


def _attribute(store: Store, slug: str, names: dict[str, str], position: int) -> Attribute:
    with scope(store=store):
        existing = Attribute.objects.filter(slug=slug).first()
    return existing or services.attribute_create(
        store=store, actor=None, values={**_per_language("name", names), "slug": slug, "position": position}
    )


def _value(store: Store, attribute: Attribute, slug: str, names: dict[str, str], position: int) -> AttributeValue:
    with scope(store=store):
        existing = AttributeValue.objects.filter(attribute=attribute, slug=slug).first()
    return existing or services.attribute_value_create(
        store=store,
        actor=None,
        attribute=attribute,
        values={**_per_language("value", names), "slug": slug, "position": position},
    )


def _categories(store: Store, nodes: tuple[DemoCategory, ...], parent: Category | None = None) -> dict[str, Category]:
    """The tree, created where missing (by slug); returns every category by slug."""
    made: dict[str, Category] = {}
    for position, node in enumerate(nodes):
        with scope(store=store):
            category = Category.objects.filter(slug=node.slug).first()
        if category is None:
            category = services.category_create(
                store=store,
                actor=None,
                values={**_per_language("name", node.name), "slug": node.slug, "position": position},
                parent=parent,
            )
        made[node.slug] = category
        made |= _categories(store, node.children, category)
    return made


def demo_image(text: str, colour: tuple[int, int, int]) -> bytes:
    """A JPEG square in ``colour`` with ``text`` (a product's initials) in the middle."""
    image = Image.new("RGB", (IMAGE_SIZE, IMAGE_SIZE), colour)
    draw = ImageDraw.Draw(image)
    lighter = tuple(min(255, channel + 40) for channel in colour)
    margin = IMAGE_SIZE // 8
    draw.ellipse((margin, margin, IMAGE_SIZE - margin, IMAGE_SIZE - margin), fill=lighter)
    font = ImageFont.load_default(size=IMAGE_SIZE // 4)
    draw.text((IMAGE_SIZE / 2, IMAGE_SIZE / 2), text, fill=(255, 255, 255), font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def initials(title: str) -> str:
    words = [word for word in title.replace("-", " ").split() if word[:1].isalpha()]
    return "".join(word[0].upper() for word in words[:3]) or "?"


def _add_images(store: Store, product: Product, spec: DemoProduct, index: int, demo: DemoOptions) -> None:
    """One image per colour offered, or one in a colour of the palette."""
    palette = demo.palette
    shades = [(slug, demo.colours[slug].rgb) for slug in spec.colours] or [("", palette[index % len(palette)])]
    for position, (slug, rgb) in enumerate(shades):
        alt = {
            language: f"{title}, {demo.colours[slug].name[language]}" if slug else title
            for language, title in spec.title.items()
        }
        services.product_image_add(
            store=store,
            actor=None,
            product=product,
            upload=SimpleUploadedFile(f"{spec.sku.lower()}.jpg", demo_image(initials(spec.title["en"]), rgb)),
            values=_per_language("alt_text", alt),
            position=position,
        )


@transaction.atomic
def seed_store(*, store: Store) -> int:
    """Create the store's demo catalogue unless it has products already; returns the products created."""
    with scope(store=store):
        if Product.objects.exists():
            return 0
    catalogue, demo = catalogue_for(store), loader.options()
    size = _attribute(store, "size", demo.size_name, 0)
    colour = _attribute(store, "colour", demo.colour_name, 1)
    sizes = {
        slug: _value(store, size, slug, dict.fromkeys(demo.size_name, slug.upper()), position)
        for position, slug in enumerate(catalogue.sizes)
    }
    colours = {
        slug: _value(store, colour, slug, spec.name, position)
        for position, (slug, spec) in enumerate(demo.colours.items())
    }
    categories = _categories(store, catalogue.categories)
    for index, spec in enumerate(catalogue.products):
        options = [attribute for attribute, chosen in ((size, spec.sizes), (colour, spec.colours)) if chosen]
        axes: list[list[AttributeValue | None]] = [
            [sizes[slug] for slug in spec.sizes] or [None],
            [colours[slug] for slug in spec.colours] or [None],
        ]
        chosen = [[value for value in values if value] for values in combinations(*axes)] if options else []
        variants = [
            VariantInput(
                sku="-".join([spec.sku, *(value.slug.upper() for value in values)]),
                option_values=values,
                position=position,
            )
            for position, values in enumerate(chosen)
        ]
        product = services.product_create(
            store=store,
            actor=None,
            values={
                **_per_language("title", spec.title),
                **_per_language("description", spec.description, "<p>{}</p>"),
                "status": spec.status,
                "price_cents": spec.price_cents,
                "compare_at_price_cents": spec.compare_at_price_cents,
                "is_featured": spec.featured,
                "sku": spec.sku,
            },
            categories=[categories[spec.category]],
            option_attributes=options,
            variants=variants,
        )
        _add_images(store, product, spec, index, demo)
    return len(catalogue.products)
