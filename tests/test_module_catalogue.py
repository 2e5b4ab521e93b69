"""The 18 modules of DESIGN.md exist with the binding tiers, requirements and permission counts."""

from pathlib import Path

import pytest

from orion.modules import registry

ROOT = Path(__file__).resolve().parent.parent

# code: (tier, requires, number of permissions) — DESIGN.md and the reference's tables; a permission added for a real feature is counted here with its reason
EXPECTED = {
    "contracts": ("core", set(), 0),
    "core": ("core", set(), 6),  # + core.view_activity, for the audit trail (issue 9)
    "tenancy": ("core", set(), 4),
    "cms": ("core", set(), 5),
    "customers": ("core", set(), 4),
    "billing": ("core", {"payments"}, 5),
    "payments": ("core", set(), 3),
    "messaging": ("core", set(), 3),
    "analytics": ("optional", set(), 3),
    "inventory": ("optional", set(), 3),
    "catalog": ("optional", {"inventory"}, 6),
    "cart": ("optional", {"inventory"}, 2),
    "orders": ("optional", set(), 4),
    "checkout": ("optional", {"cart", "orders", "customers"}, 2),
    "loyalty": ("optional", {"customers"}, 4),
    "marketplace": ("optional", {"inventory"}, 3),
    "dev_tools": ("internal", set(), 0),
    "monitoring": ("internal", set(), 0),
}


def test_exactly_the_designed_modules_live_in_modules_folder():
    on_disk = {p.name for p in (ROOT / "modules").iterdir() if (p / "apps.py").exists()}

    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_definition_matches_the_design(code):
    tier, requires, permission_count = EXPECTED[code]
    definition = registry.get_module(code)

    assert definition.tier == tier
    assert set(definition.required_codes) == requires
    assert len(definition.permissions) == permission_count


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_module_has_its_files(code):
    folder = ROOT / "modules" / code

    for name in ("apps.py", "definition.py", "exceptions.py", "docs/index.md"):
        assert (folder / name).is_file(), name
    for lang in ("en", "de", "fr", "lb"):
        assert (folder / "locale" / lang / "LC_MESSAGES" / "django.po").is_file(), lang


def test_core_module_codes():
    assert registry.get_core_module_codes() == {c for c, (tier, _, _) in EXPECTED.items() if tier == "core"}
