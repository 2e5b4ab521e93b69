"""Demo catalogues for ``manage.py load_demo``: categories, options, products, variants and images per store.

Everything goes through the module's services, as a merchant's edits do:
slugs, search documents and the variants' stock items (through inventory's
interface) come out as they would in the shop. A store that has any product
already is left alone, so the command is safe to run again. Images are drawn
here with Pillow (a coloured square with the product's initials), so no
binary file lives in the repository.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from itertools import product as combinations
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django_scopes import scope
from PIL import Image, ImageDraw, ImageFont

from . import services
from .models import Attribute, AttributeValue, Category, Product, ProductStatus
from .services import VariantInput

IMAGE_SIZE = 400

# The option attributes every demo store gets; each store picks its sizes.
SIZE_NAMES = {"en": "Size", "de": "Größe", "fr": "Taille", "lb": "Gréisst"}
COLOUR_NAMES = {"en": "Colour", "de": "Farbe", "fr": "Couleur", "lb": "Faarf"}
COLOURS = {
    # slug: (names by language, RGB of the demo image)
    "black": ({"en": "Black", "de": "Schwarz", "fr": "Noir", "lb": "Schwaarz"}, (45, 45, 50)),
    "navy": ({"en": "Navy", "de": "Marineblau", "fr": "Bleu marine", "lb": "Marineblo"}, (32, 56, 100)),
    "red": ({"en": "Red", "de": "Rot", "fr": "Rouge", "lb": "Rout"}, (178, 34, 52)),
    "green": ({"en": "Green", "de": "Grün", "fr": "Vert", "lb": "Gréng"}, (46, 110, 72)),
    "sand": ({"en": "Sand", "de": "Sand", "fr": "Sable", "lb": "Sand"}, (194, 170, 128)),
}
PALETTE = [(70, 110, 140), (150, 90, 60), (90, 120, 80), (120, 80, 130), (160, 130, 50), (60, 120, 120)]


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
    description: dict[str, str] = field(default_factory=dict)  # one sentence per language, wrapped in <p>
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


def C(slug: str, en: str, de: str, fr: str, lb: str = "", *children: DemoCategory) -> DemoCategory:  # noqa: N802
    names = {"en": en, "de": de, "fr": fr} | ({"lb": lb} if lb else {})
    return DemoCategory(slug=slug, name=names, children=children)


OUTDOOR = DemoCatalogue(
    sizes=("s", "m", "l", "xl", "39", "41", "43", "45"),
    categories=(
        C(
            "clothing",
            "Clothing",
            "Bekleidung",
            "Vêtements",
            "Kleeder",
            C("jackets", "Jackets", "Jacken", "Vestes", "Jacken"),
            C("shirts", "Shirts & tops", "Shirts & Oberteile", "Hauts", "Shirten"),
            C("trousers", "Trousers", "Hosen", "Pantalons", "Boxen"),
        ),
        C(
            "footwear",
            "Footwear",
            "Schuhe",
            "Chaussures",
            "Schong",
            C("hiking-boots", "Hiking boots", "Wanderschuhe", "Chaussures de randonnée", "Wanderschong"),
            C("sandals", "Sandals", "Sandalen", "Sandales", "Sandalen"),
        ),
        C(
            "equipment",
            "Equipment",
            "Ausrüstung",
            "Équipement",
            "Ausrüstung",
            C("backpacks", "Backpacks", "Rucksäcke", "Sacs à dos", "Rucksäck"),
            C("tents", "Tents", "Zelte", "Tentes", "Zelter"),
            C("camp-kitchen", "Camp kitchen", "Campingküche", "Cuisine de camp", "Campingkichen"),
        ),
    ),
    products=(
        DemoProduct(
            "ACME-STORM",
            "jackets",
            18900,
            {
                "en": "Storm Shell Jacket",
                "de": "Storm Hardshelljacke",
                "fr": "Veste imperméable Storm",
                "lb": "Storm Reejack",
            },
            {
                "en": "A three-layer shell that keeps wind and rain out and lets sweat escape.",
                "de": "Dreilagige Hardshell, die Wind und Regen abhält und Schweiß entweichen lässt.",
                "fr": "Une coque trois couches qui arrête le vent et la pluie et laisse respirer.",
            },
            compare_at_price_cents=21900,
            sizes=("s", "m", "l"),
            colours=("black", "red"),
            featured=True,
        ),
        DemoProduct(
            "ACME-DOWN",
            "jackets",
            22900,
            {"en": "Featherlight Down Jacket", "de": "Federleichte Daunenjacke", "fr": "Doudoune ultralégère"},
            {
                "en": "Responsibly sourced down that packs into its own pocket.",
                "de": "Verantwortungsvoll gewonnene Daunen, in der eigenen Tasche verstaubar.",
            },
            sizes=("s", "m", "l"),
            colours=("navy", "sand"),
            featured=True,
        ),
        DemoProduct(
            "ACME-PONCHO",
            "jackets",
            3900,
            {"en": "Classic Rain Poncho", "de": "Klassischer Regenponcho", "fr": "Poncho de pluie classique"},
            {
                "en": "Our old poncho, replaced by the Storm Shell.",
                "de": "Unser alter Poncho, ersetzt durch die Storm.",
            },
            status=ProductStatus.ARCHIVED,
        ),
        DemoProduct(
            "ACME-FLEECE",
            "shirts",
            6900,
            {"en": "Ridge Fleece Pullover", "de": "Ridge Fleecepullover", "fr": "Pull polaire Ridge"},
            {
                "en": "Warm recycled fleece for cold mornings at camp.",
                "de": "Warmes Recycling-Fleece für kalte Morgen im Lager.",
            },
            compare_at_price_cents=7900,
            sizes=("s", "m", "l", "xl"),
        ),
        DemoProduct(
            "ACME-MERINO",
            "shirts",
            4900,
            {
                "en": "Merino Trail T-Shirt",
                "de": "Merino Trail T-Shirt",
                "fr": "T-shirt Trail en mérinos",
                "lb": "Merino Trail T-Shirt",
            },
            {
                "en": "Fine merino wool that stays fresh for days on the trail.",
                "de": "Feine Merinowolle, die tagelang frisch bleibt.",
                "lb": "Fein Merinowoll, déi deelaang frësch bleift.",
            },
            sizes=("s", "m", "l"),
            colours=("black", "green", "sand"),
        ),
        DemoProduct(
            "ACME-ZIPOFF",
            "trousers",
            7900,
            {"en": "Zip-Off Hiking Trousers", "de": "Zip-Off Wanderhose", "fr": "Pantalon de randonnée convertible"},
            {"en": "Trousers in the morning, shorts by lunch.", "de": "Morgens Hose, mittags Shorts."},
            sizes=("s", "m", "l", "xl"),
        ),
        DemoProduct(
            "ACME-SUMMIT",
            "hiking-boots",
            16900,
            {
                "en": "Summit Leather Hiking Boots",
                "de": "Summit Lederwanderschuhe",
                "fr": "Chaussures de randonnée Summit en cuir",
            },
            {
                "en": "Full-grain leather boots with a grippy sole for rocky paths.",
                "de": "Vollnarbenleder mit griffiger Sohle für felsige Wege.",
                "fr": "Cuir pleine fleur et semelle accrocheuse pour les sentiers rocheux.",
            },
            compare_at_price_cents=18900,
            sizes=("39", "41", "43", "45"),
        ),
        DemoProduct(
            "ACME-RIVER",
            "sandals",
            5900,
            {"en": "River Trekking Sandals", "de": "River Trekkingsandalen", "fr": "Sandales de trek River"},
            {"en": "Quick-drying straps for river crossings.", "de": "Schnell trocknende Riemen für Flussquerungen."},
            sizes=("39", "41", "43"),
        ),
        DemoProduct(
            "ACME-DAYPACK",
            "backpacks",
            8900,
            {"en": "Daypack 28 L", "de": "Tagesrucksack 28 L", "fr": "Sac à dos 28 L", "lb": "Dagesrucksak 28 L"},
            {
                "en": "A ventilated back panel and a pocket for everything.",
                "de": "Belüfteter Rücken und für alles ein Fach.",
                "fr": "Un dos ventilé et une poche pour chaque chose.",
            },
            colours=("black", "green"),
            featured=True,
        ),
        DemoProduct(
            "ACME-EXPEDITION",
            "backpacks",
            24900,
            {"en": "Expedition Pack 65 L", "de": "Expeditionsrucksack 65 L", "fr": "Sac d'expédition 65 L"},
            {"en": "Carries a week's food and gear in comfort.", "de": "Trägt Essen und Ausrüstung für eine Woche."},
        ),
        DemoProduct(
            "ACME-DOME2",
            "tents",
            29900,
            {
                "en": "Two-Person Dome Tent",
                "de": "Kuppelzelt für zwei",
                "fr": "Tente dôme deux places",
                "lb": "Kuppelzelt fir zwee",
            },
            {
                "en": "Pitches in five minutes and stands up to mountain wind.",
                "de": "In fünf Minuten aufgebaut und sturmfest.",
                "fr": "Montée en cinq minutes, elle tient tête au vent.",
            },
            compare_at_price_cents=34900,
            featured=True,
        ),
        DemoProduct(
            "ACME-SOLO",
            "tents",
            37900,
            {"en": "Ultralight Solo Tent", "de": "Ultraleichtes Einpersonenzelt", "fr": "Tente solo ultralégère"},
            {"en": "Under a kilogram; arriving next season.", "de": "Unter einem Kilo; ab nächster Saison."},
            status=ProductStatus.DRAFT,
        ),
        DemoProduct(
            "ACME-STOVE",
            "camp-kitchen",
            4500,
            {"en": "Compact Gas Stove", "de": "Kompakter Gaskocher", "fr": "Réchaud à gaz compact"},
            {"en": "Boils a litre of water in three minutes.", "de": "Kocht einen Liter Wasser in drei Minuten."},
        ),
        DemoProduct(
            "ACME-TITAN",
            "camp-kitchen",
            6900,
            {"en": "Titanium Cook Set", "de": "Titan-Kochset", "fr": "Popote en titane"},
            {
                "en": "Pot, lid and mug that nest into each other.",
                "de": "Topf, Deckel und Becher, ineinander verstaut.",
            },
        ),
        DemoProduct(
            "ACME-BOTTLE",
            "camp-kitchen",
            2900,
            {
                "en": "Insulated Bottle 0.75 L",
                "de": "Isolierflasche 0,75 l",
                "fr": "Bouteille isotherme 0,75 L",
                "lb": "Isoléierfläsch 0,75 l",
            },
            {"en": "Hot for twelve hours, cold for a day.", "de": "Zwölf Stunden heiß, einen Tag kalt."},
            colours=("black", "red", "green", "navy"),
        ),
    ),
)

KIDS = DemoCatalogue(
    sizes=("104", "116", "128", "20", "22", "24", "26", "28", "30"),
    categories=(
        C(
            "kleidung",
            "Clothing",
            "Kleidung",
            "Vêtements",
            "Kleeder",
            C("regenbekleidung", "Rainwear", "Regenbekleidung", "Vêtements de pluie", "Reekleeder"),
            C("pullover", "Jumpers", "Pullover", "Pulls", "Pulloveren"),
        ),
        C(
            "schuhe",
            "Shoes",
            "Schuhe",
            "Chaussures",
            "Schong",
            C("gummistiefel", "Wellies", "Gummistiefel", "Bottes de pluie", "Gummistiwwelen"),
            C("lauflernschuhe", "First shoes", "Lauflernschuhe", "Premiers pas", "Éischt Schong"),
        ),
        C(
            "draussen-spielen",
            "Outdoor play",
            "Draußen spielen",
            "Jeux de plein air",
            "Dobaussen spillen",
            C("kinderrucksaecke", "Backpacks", "Rucksäcke", "Sacs à dos", "Rucksäck"),
            C("entdecken", "Explore", "Entdecken", "Explorer", "Entdecken"),
            C("spielgeraete", "Play equipment", "Spielgeräte", "Jeux d'extérieur", "Spillgeschir"),
        ),
    ),
    products=(
        DemoProduct(
            "KIDS-PUDDLE-JKT",
            "regenbekleidung",
            4900,
            {
                "en": "Puddle Rain Jacket",
                "de": "Pfützen-Regenjacke",
                "fr": "Veste de pluie Flaque",
                "lb": "Pull-Reejack",
            },
            {
                "en": "Taped seams and a hood that stays on when jumping.",
                "de": "Verschweißte Nähte und eine Kapuze, die beim Springen sitzen bleibt.",
                "lb": "Verschweesst Néit an eng Kap, déi beim Sprangen hält.",
            },
            sizes=("104", "116", "128"),
            colours=("red", "navy"),
            featured=True,
        ),
        DemoProduct(
            "KIDS-PUDDLE-PANTS",
            "regenbekleidung",
            3900,
            {"en": "Muddy Rain Trousers", "de": "Matschhose", "fr": "Pantalon de pluie"},
            {"en": "For every puddle on the way to school.", "de": "Für jede Pfütze auf dem Schulweg."},
            compare_at_price_cents=4500,
            sizes=("104", "116", "128"),
        ),
        DemoProduct(
            "KIDS-BEAR",
            "pullover",
            3500,
            {"en": "Little Bear Fleece Jumper", "de": "Kleiner-Bär-Fleecepulli", "fr": "Pull polaire Petit Ours"},
            {"en": "Soft fleece with bear ears on the hood.", "de": "Weiches Fleece mit Bärenohren an der Kapuze."},
            sizes=("104", "116", "128"),
            colours=("sand", "green"),
        ),
        DemoProduct(
            "KIDS-FROG",
            "gummistiefel",
            2900,
            {
                "en": "Frog Wellies",
                "de": "Frosch-Gummistiefel",
                "fr": "Bottes de pluie Grenouille",
                "lb": "Fräsch-Gummistiwwelen",
            },
            {"en": "Natural rubber with frog eyes on the toes.", "de": "Naturkautschuk mit Froschaugen vorne."},
            sizes=("24", "26", "28"),
            featured=True,
        ),
        DemoProduct(
            "KIDS-WINTER-WELLIES",
            "gummistiefel",
            3900,
            {"en": "Lined Winter Wellies", "de": "Gefütterte Winter-Gummistiefel", "fr": "Bottes d'hiver fourrées"},
            {"en": "Warm lining down to minus ten degrees.", "de": "Warmes Futter bis minus zehn Grad."},
            compare_at_price_cents=4900,
            sizes=("26", "28", "30"),
        ),
        DemoProduct(
            "KIDS-FIRST-STEPS",
            "lauflernschuhe",
            4500,
            {"en": "First Steps Trail Shoes", "de": "Erste-Schritte-Trailschuhe", "fr": "Chaussures Premiers Pas"},
            {"en": "A flexible sole for feet still learning.", "de": "Flexible Sohle für Füße, die noch lernen."},
            sizes=("20", "22", "24"),
        ),
        DemoProduct(
            "KIDS-EXPLORER",
            "kinderrucksaecke",
            2900,
            {
                "en": "Little Explorer Backpack 10 L",
                "de": "Kleiner-Entdecker-Rucksack 10 L",
                "fr": "Sac à dos Petit Explorateur 10 L",
            },
            {
                "en": "Room for a snack, a drink and a treasure map.",
                "de": "Platz für Brotdose, Trinkflasche und Schatzkarte.",
            },
            colours=("red", "green"),
            featured=True,
        ),
        DemoProduct(
            "KIDS-BINOCULARS",
            "entdecken",
            2400,
            {"en": "Kids' Binoculars", "de": "Kinderfernglas", "fr": "Jumelles pour enfants"},
            {"en": "Rubber-armoured, 6× magnification.", "de": "Gummiarmiert, sechsfache Vergrößerung."},
        ),
        DemoProduct(
            "KIDS-COMPASS",
            "entdecken",
            1200,
            {"en": "Treasure Hunt Compass", "de": "Schatzsucher-Kompass", "fr": "Boussole chasse au trésor"},
            {"en": "A real compass with a glow-in-the-dark needle.", "de": "Ein echter Kompass mit Leuchtnadel."},
        ),
        DemoProduct(
            "KIDS-TORCH",
            "entdecken",
            1900,
            {"en": "Wind-Up Torch", "de": "Kurbel-Taschenlampe", "fr": "Lampe à dynamo"},
            {
                "en": "No batteries: one minute of winding, ten of light.",
                "de": "Ohne Batterien: eine Minute kurbeln, zehn Minuten Licht.",
            },
            compare_at_price_cents=2400,
        ),
        DemoProduct(
            "KIDS-SLEDGE",
            "spielgeraete",
            8900,
            {"en": "Wooden Sledge", "de": "Holzschlitten", "fr": "Luge en bois"},
            {"en": "Back next winter.", "de": "Wieder im nächsten Winter."},
            status=ProductStatus.ARCHIVED,
        ),
        DemoProduct(
            "KIDS-PLAYTENT",
            "spielgeraete",
            5900,
            {"en": "Garden Play Tent", "de": "Garten-Spielzelt", "fr": "Tente de jeu"},
            {"en": "Photos and prices still to come.", "de": "Fotos und Preise folgen."},
            status=ProductStatus.DRAFT,
        ),
    ),
)

BISTRO = DemoCatalogue(
    sizes=("s", "m", "l"),
    categories=(
        C(
            "cuisine",
            "Kitchen",
            "Küche",
            "Cuisine",
            "Kichen",
            C("couteaux", "Knives", "Messer", "Couteaux", "Messeren"),
            C("ustensiles", "Utensils", "Küchenhelfer", "Ustensiles", "Kichenhëllefen"),
            C("casseroles", "Pots & pans", "Töpfe & Pfannen", "Casseroles & poêles", "Dëppen & Pannen"),
        ),
        C(
            "salle",
            "Dining room",
            "Gastraum",
            "Salle",
            "Sall",
            C("vaisselle", "Tableware", "Geschirr", "Vaisselle", "Geschier"),
            C("verrerie", "Glassware", "Gläser", "Verrerie", "Glieser"),
        ),
        C(
            "textile",
            "Linen",
            "Textilien",
            "Textile",
            "Textilien",
            C("tabliers", "Aprons", "Schürzen", "Tabliers", "Schiirzen"),
            C("torchons", "Tea towels", "Geschirrtücher", "Torchons", "Spullduch"),
        ),
    ),
    products=(
        DemoProduct(
            "BIS-CHEF-20",
            "couteaux",
            8900,
            {
                "en": "Chef's Knife 20 cm",
                "de": "Kochmesser 20 cm",
                "fr": "Couteau de chef 20 cm",
                "lb": "Kachmesser 20 cm",
            },
            {
                "en": "Forged stainless steel, balanced for long shifts.",
                "de": "Geschmiedeter Edelstahl, ausbalanciert für lange Schichten.",
                "fr": "Acier inoxydable forgé, équilibré pour les longs services.",
            },
            featured=True,
        ),
        DemoProduct(
            "BIS-PARING-9",
            "couteaux",
            2900,
            {"en": "Paring Knife 9 cm", "de": "Schälmesser 9 cm", "fr": "Couteau d'office 9 cm"},
            {
                "en": "For peeling, trimming and turning.",
                "de": "Zum Schälen, Putzen und Tournieren.",
                "fr": "Pour éplucher, parer et tourner.",
            },
        ),
        DemoProduct(
            "BIS-PAN-28",
            "casseroles",
            5900,
            {"en": "Carbon Steel Pan 28 cm", "de": "Karbonstahlpfanne 28 cm", "fr": "Poêle en acier 28 cm"},
            {
                "en": "Gets better with every service.",
                "de": "Wird mit jedem Service besser.",
                "fr": "Elle s'améliore à chaque service.",
            },
            compare_at_price_cents=6900,
            featured=True,
        ),
        DemoProduct(
            "BIS-COPPER-16",
            "casseroles",
            14900,
            {"en": "Copper Saucepan 16 cm", "de": "Kupfer-Stielkasserolle 16 cm", "fr": "Casserole en cuivre 16 cm"},
            {
                "en": "Copper outside, stainless steel inside.",
                "de": "Außen Kupfer, innen Edelstahl.",
                "fr": "Cuivre à l'extérieur, inox à l'intérieur.",
            },
        ),
        DemoProduct(
            "BIS-PLATE-27",
            "vaisselle",
            1200,
            {
                "en": "Bistro Dinner Plate 27 cm",
                "de": "Bistro-Speiseteller 27 cm",
                "fr": "Assiette plate bistrot 27 cm",
            },
            {
                "en": "Chip-resistant porcelain with a rolled rim.",
                "de": "Stoßfestes Porzellan mit Rollrand.",
                "fr": "Porcelaine résistante aux chocs, bord roulé.",
            },
        ),
        DemoProduct(
            "BIS-BOWL",
            "vaisselle",
            900,
            {
                "en": "Café au Lait Bowl",
                "de": "Milchkaffeeschale",
                "fr": "Bol à café au lait",
                "lb": "Mëllechkaffisschossel",
            },
            {
                "en": "The breakfast bowl of every Paris café.",
                "de": "Die Frühstücksschale jedes Pariser Cafés.",
                "fr": "Le bol du petit-déjeuner de tous les cafés parisiens.",
            },
            colours=("navy", "red", "green"),
        ),
        DemoProduct(
            "BIS-WINE-6",
            "verrerie",
            3600,
            {
                "en": "Wine Glass 35 cl (set of 6)",
                "de": "Weinglas 35 cl (6er-Set)",
                "fr": "Verre à vin 35 cl (lot de 6)",
            },
            {
                "en": "Dishwasher-safe crystal glass.",
                "de": "Spülmaschinenfestes Kristallglas.",
                "fr": "Cristallin résistant au lave-vaisselle.",
            },
        ),
        DemoProduct(
            "BIS-CARAFE",
            "verrerie",
            1900,
            {"en": "Water Carafe 1 L", "de": "Wasserkaraffe 1 l", "fr": "Carafe à eau 1 L"},
            {
                "en": "The classic bistro carafe.",
                "de": "Die klassische Bistrokaraffe.",
                "fr": "La carafe bistrot classique.",
            },
            compare_at_price_cents=2400,
        ),
        DemoProduct(
            "BIS-BIB-APRON",
            "tabliers",
            3400,
            {"en": "Bib Apron", "de": "Latzschürze", "fr": "Tablier à bavette", "lb": "Schiirz mat Lätz"},
            {
                "en": "Heavy cotton with a pen pocket.",
                "de": "Schwere Baumwolle mit Stifttasche.",
                "fr": "Coton épais avec poche à stylo.",
            },
            sizes=("s", "m", "l"),
            colours=("black", "navy"),
            featured=True,
        ),
        DemoProduct(
            "BIS-WAITER-APRON",
            "tabliers",
            2600,
            {"en": "Waiter's Apron", "de": "Kellnerschürze", "fr": "Tablier de garçon de café"},
            {
                "en": "Long and straight, as in Paris.",
                "de": "Lang und gerade, wie in Paris.",
                "fr": "Long et droit, comme à Paris.",
            },
            colours=("black", "sand"),
        ),
        DemoProduct(
            "BIS-TOWELS-3",
            "torchons",
            1500,
            {"en": "Tea Towels (set of 3)", "de": "Geschirrtücher (3er-Set)", "fr": "Torchons (lot de 3)"},
            {
                "en": "Linen and cotton, striped.",
                "de": "Leinen und Baumwolle, gestreift.",
                "fr": "Lin et coton, rayés.",
            },
        ),
        DemoProduct(
            "BIS-MANDOLINE",
            "ustensiles",
            7900,
            {"en": "Mandoline Slicer", "de": "Gemüsehobel", "fr": "Mandoline"},
            {"en": "Description to be written.", "de": "Beschreibung folgt.", "fr": "Description à venir."},
            status=ProductStatus.DRAFT,
        ),
        DemoProduct(
            "BIS-ASHTRAY",
            "vaisselle",
            800,
            {"en": "Terrace Ashtray", "de": "Terrassen-Aschenbecher", "fr": "Cendrier de terrasse"},
            {"en": "No longer sold.", "de": "Nicht mehr im Sortiment.", "fr": "Plus vendu."},
            status=ProductStatus.ARCHIVED,
        ),
    ),
)

CATALOGUES = {"acme": OUTDOOR, "acme-kids": KIDS, "bistro": BISTRO}


def catalogue_for(store: Any) -> DemoCatalogue:
    """The demo catalogue of a demo store, by code; any other store gets the outdoor one."""
    return CATALOGUES.get(store.code, OUTDOOR)


def _per_language(prefix: str, texts: dict[str, str], wrap: str = "{}") -> dict[str, str]:
    return {f"{prefix}_{language}": wrap.format(text) for language, text in texts.items()}


def _attribute(store: Any, slug: str, names: dict[str, str], position: int) -> Attribute:
    with scope(store=store):
        existing = Attribute.objects.filter(slug=slug).first()
    return existing or services.attribute_create(
        store=store, actor=None, values={**_per_language("name", names), "slug": slug, "position": position}
    )


def _value(store: Any, attribute: Attribute, slug: str, names: dict[str, str], position: int) -> AttributeValue:
    with scope(store=store):
        existing = AttributeValue.objects.filter(attribute=attribute, slug=slug).first()
    return existing or services.attribute_value_create(
        store=store,
        actor=None,
        attribute=attribute,
        values={**_per_language("value", names), "slug": slug, "position": position},
    )


def _categories(store: Any, nodes: tuple[DemoCategory, ...], parent: Category | None = None) -> dict[str, Category]:
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


def _add_images(store: Any, product: Product, spec: DemoProduct, index: int) -> None:
    """One image per colour offered, or one in a colour of the palette."""
    shades = [(slug, COLOURS[slug][1]) for slug in spec.colours] or [("", PALETTE[index % len(PALETTE)])]
    for position, (slug, rgb) in enumerate(shades):
        alt = {
            language: f"{title}, {COLOURS[slug][0][language]}" if slug else title
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
def seed_store(*, store: Any) -> int:
    """Create the store's demo catalogue unless it has products already; returns the products created."""
    with scope(store=store):
        if Product.objects.exists():
            return 0
    catalogue = catalogue_for(store)
    size = _attribute(store, "size", SIZE_NAMES, 0)
    colour = _attribute(store, "colour", COLOUR_NAMES, 1)
    sizes = {
        slug: _value(store, size, slug, dict.fromkeys(SIZE_NAMES, slug.upper()), position)
        for position, slug in enumerate(catalogue.sizes)
    }
    colours = {
        slug: _value(store, colour, slug, names, position)
        for position, (slug, (names, _rgb)) in enumerate(COLOURS.items())
    }
    categories = _categories(store, catalogue.categories)
    for index, spec in enumerate(catalogue.products):
        options = [attribute for attribute, chosen in ((size, spec.sizes), (colour, spec.colours)) if chosen]
        axes = [
            [sizes[slug] for slug in spec.sizes] if spec.sizes else [None],
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
        _add_images(store, product, spec, index)
    return len(catalogue.products)
