"""The demo `make run` loads, and the public home page of each platform."""

from io import StringIO

from django.core.management import call_command

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
