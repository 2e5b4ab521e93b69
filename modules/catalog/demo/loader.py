"""The demo catalogues' data files, read and checked: ``options.toml`` and ``catalogues/<store code>.toml``.

Every problem of a file is reported at once, naming the file and the entry
(``DataFileError``), before the seeder writes anything. The files' layout is
described in their own comments and in the module's docs ("Demo data").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings

from orion.datafiles import DataFileError, Problems, read_toml

from ..models import ProductStatus

__all__ = ["DataFileError", "DemoCatalogue", "DemoCategory", "DemoColour", "DemoOptions", "DemoProduct"]

DATA_DIR = Path(__file__).resolve().parent
OPTIONS_FILE = DATA_DIR / "options.toml"
CATALOGUES_DIR = DATA_DIR / "catalogues"
DEFAULT_CATALOGUE = "acme"  # for a store without a file of its own

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class DemoColour:
    slug: str
    name: dict[str, str]  # by language
    rgb: RGB  # of the product pictures drawn in this colour


@dataclass(frozen=True)
class DemoOptions:
    size_name: dict[str, str]  # the Size attribute's name by language
    colour_name: dict[str, str]
    colours: dict[str, DemoColour]  # by slug, in shop order
    palette: tuple[RGB, ...]  # picture colours for products without a colour option


@dataclass(frozen=True)
class DemoCategory:
    slug: str
    name: dict[str, str]
    children: tuple[DemoCategory, ...] = ()


@dataclass(frozen=True)
class DemoProduct:
    sku: str
    category: str  # slug of the category it is filed under
    price_cents: int
    title: dict[str, str]  # by language; "en" is required (every language's fallback)
    description: dict[str, str]  # one sentence per language, wrapped in <p>
    compare_at_price_cents: int | None = None
    sizes: tuple[str, ...] = ()
    colours: tuple[str, ...] = ()
    status: str = ProductStatus.ACTIVE
    featured: bool = False


@dataclass(frozen=True)
class DemoCatalogue:
    sizes: tuple[str, ...]
    categories: tuple[DemoCategory, ...]
    products: tuple[DemoProduct, ...]


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _texts(problems: Problems, where: str, key: str, value: Any) -> dict[str, str]:
    """A text by language (``{en = "...", de = "..."}``); English is required."""
    if not isinstance(value, dict):
        problems.add(where, f'"{key}" must be a table of texts by language, got {value!r}')
        return {}
    languages = _languages()
    for language, text in value.items():
        if language not in languages:
            problems.add(where, f'"{key}.{language}": unknown language (the languages: {", ".join(languages)})')
        else:
            problems.text(where, f"{key}.{language}", text)
    if "en" not in value:
        problems.add(where, f'no English {key} ("{key}.en"): English is every language\'s fallback')
    return value


def _rgb(problems: Problems, where: str, key: str, value: Any) -> RGB:
    ok = isinstance(value, list) and len(value) == 3
    if not (ok and all(isinstance(channel, int) and 0 <= channel <= 255 for channel in value)):
        problems.add(where, f'"{key}" must be three integers from 0 to 255, got {value!r}')
        return (0, 0, 0)
    return (value[0], value[1], value[2])


def _cents(problems: Problems, where: str, key: str, value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    problems.add(where, f'"{key}" must be a whole number of cents, at least 0, got {value!r}')
    return 0


def load_options(path: Path = OPTIONS_FILE) -> DemoOptions:
    """The option attributes and colours every demo store gets (``options.toml``)."""
    data = read_toml(path)
    problems = Problems(path)
    problems.table("", data, required=("size", "colour", "palette", "colours"))
    size_name = _texts(problems, "size", "size", data.get("size", {}))
    colour_name = _texts(problems, "colour", "colour", data.get("colour", {}))
    palette = data.get("palette", [])
    if not isinstance(palette, list) or not palette:
        problems.add("palette", f"must be a list of colours ([r, g, b]), got {palette!r}")
        palette = []
    palette = [_rgb(problems, f"palette[{index}]", "palette", rgb) for index, rgb in enumerate(palette)]
    colours: dict[str, DemoColour] = {}
    for index, entry in enumerate(data.get("colours", [])):
        where = f"colours[{index}]"
        if not problems.table(where, entry, required=("slug", "rgb", "name")):
            continue
        if not problems.text(where, "slug", entry["slug"]):
            continue
        where = f'colour "{entry["slug"]}"'
        if entry["slug"] in colours:
            problems.add(where, "listed twice")
        colours[entry["slug"]] = DemoColour(
            slug=entry["slug"],
            name=_texts(problems, where, "name", entry["name"]),
            rgb=_rgb(problems, where, "rgb", entry["rgb"]),
        )
    problems.check()
    return DemoOptions(
        size_name=size_name,
        colour_name=colour_name,
        colours=colours,
        palette=tuple(palette),
    )


def _categories(
    problems: Problems, entries: Any, seen: set[str], where: str = "categories"
) -> tuple[DemoCategory, ...]:
    if not isinstance(entries, list):
        problems.add(where, f"expected a list of categories, got {entries!r}")
        return ()
    nodes = []
    for index, entry in enumerate(entries):
        place = f"{where}[{index}]"
        if not problems.table(place, entry, required=("slug", "name"), optional=("children",)):
            continue
        if not problems.text(place, "slug", entry["slug"]):
            continue
        place = f'category "{entry["slug"]}"'
        if entry["slug"] in seen:
            problems.add(place, "the slug is used twice in the file")
        seen.add(entry["slug"])
        name = _texts(problems, place, "name", entry["name"])
        children = _categories(problems, entry.get("children", []), seen, f"{place}: children")
        nodes.append(DemoCategory(slug=entry["slug"], name=name, children=children))
    return tuple(nodes)


PRODUCT_KEYS = ("sku", "category", "price_cents", "title")
PRODUCT_OPTIONAL_KEYS = ("description", "compare_at_price_cents", "sizes", "colours", "status", "featured")


def _product(
    problems: Problems, index: int, entry: Any, *, sizes: tuple[str, ...], categories: set[str], colours: list[str]
) -> DemoProduct | None:
    where = f"products[{index}]"
    if isinstance(entry, dict) and isinstance(entry.get("sku"), str) and entry["sku"]:
        where = f'product "{entry["sku"]}"'
    if not problems.table(where, entry, required=PRODUCT_KEYS, optional=PRODUCT_OPTIONAL_KEYS):
        return None
    problems.text(where, "sku", entry["sku"])
    if entry["category"] not in categories:
        problems.add(where, f'unknown category "{entry["category"]}" (the categories: {", ".join(sorted(categories))})')
    product_sizes = entry.get("sizes", [])
    if problems.strings(where, "sizes", product_sizes):
        for size in product_sizes:
            if size not in sizes:
                problems.add(where, f'unknown size "{size}" (the file\'s sizes: {", ".join(sizes)})')
    product_colours = entry.get("colours", [])
    if problems.strings(where, "colours", product_colours):
        for colour in product_colours:
            if colour not in colours:
                problems.add(where, f'unknown colour "{colour}" (the colours in options.toml: {", ".join(colours)})')
    status = entry.get("status", ProductStatus.ACTIVE)
    if status not in ProductStatus.values:
        problems.add(where, f'unknown status "{status}" (one of {", ".join(ProductStatus.values)})')
    featured = entry.get("featured", False)
    if not isinstance(featured, bool):
        problems.add(where, f'"featured" must be true or false, got {featured!r}')
    compare_at = entry.get("compare_at_price_cents")
    return DemoProduct(
        sku=entry["sku"],
        category=entry["category"],
        price_cents=_cents(problems, where, "price_cents", entry["price_cents"]),
        title=_texts(problems, where, "title", entry["title"]),
        description=_texts(problems, where, "description", entry["description"]) if "description" in entry else {},
        compare_at_price_cents=None
        if compare_at is None
        else _cents(problems, where, "compare_at_price_cents", compare_at),
        sizes=tuple(product_sizes),
        colours=tuple(product_colours),
        status=status,
        featured=featured,
    )


def _slugs(nodes: tuple[DemoCategory, ...]) -> set[str]:
    return {slug for node in nodes for slug in (node.slug, *_slugs(node.children))}


def load_catalogue(path: Path, *, options: DemoOptions | None = None) -> DemoCatalogue:
    """One store's demo catalogue (``catalogues/<store code>.toml``), checked against ``options``."""
    options = options or load_options()
    data = read_toml(path)
    problems = Problems(path)
    problems.table("", data, required=("sizes", "categories", "products"))
    sizes = data.get("sizes", [])
    if not problems.strings("sizes", "sizes", sizes):
        sizes = []
    categories = _categories(problems, data.get("categories", []), set())
    products = []
    skus: set[str] = set()
    for index, entry in enumerate(data.get("products", [])):
        product = _product(
            problems,
            index,
            entry,
            sizes=tuple(sizes),
            categories=_slugs(categories),
            colours=list(options.colours),
        )
        if product is None:
            continue
        if product.sku in skus:
            problems.add(f'product "{product.sku}"', "the SKU is used twice in the file")
        skus.add(product.sku)
        products.append(product)
    problems.check()
    return DemoCatalogue(sizes=tuple(sizes), categories=categories, products=tuple(products))


@cache
def options() -> DemoOptions:
    return load_options()


@cache
def catalogues() -> dict[str, DemoCatalogue]:
    """Every demo catalogue by store code (the file's name), read once."""
    found = {
        path.stem: load_catalogue(path, options=options())
        for path in sorted(CATALOGUES_DIR.glob("*.toml"), key=lambda path: path.stem)
    }
    if DEFAULT_CATALOGUE not in found:
        raise DataFileError(f"{CATALOGUES_DIR}: no {DEFAULT_CATALOGUE}.toml, the catalogue of stores without their own")
    return found
