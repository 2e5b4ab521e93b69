"""The demo `make run` loads (from load_demo.toml), and the public home page of each platform."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django_scopes import scopes_disabled

from modules.tenancy.management.commands import load_demo
from modules.tenancy.management.commands.load_demo import DEMO_FILE, load_demo_file
from modules.tenancy.models import Merchant, Platform, PlatformDomain, Store, StoreDomain, StoreMembership
from orion.datafiles import DataFileError
from orion.modules import state


def test_demo_data_loads_twice_and_serves_both_platforms(client, db):
    for _ in range(2):
        call_command("load_demo", stdout=StringIO())

    oms = client.get("/", HTTP_HOST="localhost:8000")
    loyalty = client.get("/", HTTP_HOST="loyalty.localhost:8000")

    assert oms.status_code == 200 and "Orion Commerce" in oms.content.decode()
    assert "required by cart, catalog" in oms.content.decode()  # inventory, and why
    assert "Acme Outdoor" in oms.content.decode()
    assert "Orion Loyalty" in loyalty.content.decode() and "Acme Outdoor" not in loyalty.content.decode()
    platform = state.platform_model().objects.get(code="oms")
    assert state.is_enabled(platform, "checkout") and not state.is_enabled(platform, "loyalty")


def test_pages_follow_the_visitors_language(client, platform):
    german = client.get("/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    french = client.get("/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert "Shops auf dieser Plattform" in german and "Betrieben mit Orion" in german
    assert "Boutiques de cette plateforme" in french


def test_the_demo_file_loads_the_platforms_stores_and_teams_the_demo_always_had(db):
    output = StringIO()
    call_command("load_demo", stdout=output)

    assert "admin@orion.test / orion-demo-admin" in output.getvalue()
    assert "password for all: orion-demo" in output.getvalue()
    users = get_user_model().objects.order_by("pk")
    assert [user.email for user in users] == [
        "admin@orion.test",
        "ops@oms.test",
        "owner@acme.test",
        "manager@acme.test",
        "staff@acme.test",
        "owner@bistro.test",
        "ops@loyalty.test",
        "owner@cafe.test",
    ]
    assert users.get(email="admin@orion.test").check_password("orion-demo-admin")
    assert users.get(email="staff@acme.test").check_password("orion-demo")
    assert users.get(email="owner@bistro.test").full_name == "Owner"
    assert list(Platform.objects.order_by("pk").values_list("code", flat=True)) == ["oms", "loyalty"]
    assert PlatformDomain.objects.get(is_primary=True, platform__code="oms").domain == "localhost"
    assert list(Merchant.objects.order_by("pk").values_list("name", flat=True)) == [
        "Acme Outdoor GmbH",
        "Bistro Supplies SARL",
        "Café Central S.à r.l.",
    ]
    stores = Store.objects.order_by("pk")
    assert [(store.code, store.default_language, store.tagline) for store in stores] == [
        ("acme", "en", "Gear for every trail"),
        ("acme-kids", "de", "Small boots, big adventures"),
        ("bistro", "fr", "Tout pour la cuisine"),
        ("cafe", "lb", "Kaffi a Kuch zënter 1920"),
    ]
    with scopes_disabled():
        teams = StoreMembership.objects.order_by("store_id", "pk").values_list(
            "store__code", "user__email", "role__kind"
        )
        assert list(teams) == [
            ("acme", "owner@acme.test", "owner"),
            ("acme", "manager@acme.test", "manager"),
            ("acme", "staff@acme.test", "staff"),
            ("acme-kids", "owner@acme.test", "owner"),
            ("acme-kids", "manager@acme.test", "staff"),
            ("bistro", "owner@bistro.test", "owner"),
            ("bistro", "owner@acme.test", "manager"),
            ("cafe", "owner@cafe.test", "owner"),
        ]
        assert StoreDomain.objects.get().domain == "acme.oms.localhost"


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ('language = "fr"', 'language = "es"', 'store "bistro": unknown language "es" (the languages: en, de, fr, lb)'),
        (
            'role = "staff" }]',
            'role = "owner" }]',
            'store "acme-kids": manager@acme.test: unknown role "owner" (a team member is manager or staff)',
        ),
        ('owner = "owner@cafe.test"', 'owners = "owner@cafe.test"', 'store "cafe": "owner" is missing'),
        ('code = "cafe"', 'code = "bistro"', 'store "bistro": the code is used twice in the file'),
        (
            'code = "loyalty"\n',
            'code = "loyalty"\ncolour = "green"\n',
            'platform "loyalty": unknown key "colour" (allowed: code, name, description, domains, modules, staff, merchants)',
        ),
    ],
)
def test_a_bad_demo_file_is_refused_naming_the_file_and_the_entry(tmp_path, old, new, problem):
    text = DEMO_FILE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "load_demo.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")

    with pytest.raises(DataFileError) as error:
        load_demo_file(path)

    assert f"{path}: {problem}" in str(error.value).splitlines()


def test_a_bad_demo_file_stops_the_command_before_anything_is_written(db, tmp_path, monkeypatch):
    path = tmp_path / "load_demo.toml"
    path.write_text(DEMO_FILE.read_text(encoding="utf-8").replace('language = "en"', 'language = "english"'))
    monkeypatch.setattr(load_demo, "DEMO_FILE", path)

    with pytest.raises(DataFileError, match='store "acme": unknown language "english"'):
        call_command("load_demo", stdout=StringIO())

    assert not get_user_model().objects.exists() and not Platform.objects.exists()
