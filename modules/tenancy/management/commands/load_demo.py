"""Demo data for `make run`: an admin, two platforms with domains, stores and modules."""

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from orion.modules import services

from ...models import Platform, PlatformDomain, Store

ADMIN_EMAIL = "admin@orion.test"
ADMIN_PASSWORD = "orion-demo-admin"

DEMO = [
    {
        "code": "oms",
        "name": "Orion Commerce",
        "description": "Order management for independent shops.",
        "domains": ["localhost", "127.0.0.1", "oms.localhost"],
        "stores": [("acme", "Acme Outdoor"), ("bistro", "Bistro Supplies")],
        "modules": ["catalog", "checkout", "analytics"],
    },
    {
        "code": "loyalty",
        "name": "Orion Loyalty",
        "description": "Stamp cards and points for cafés and shops.",
        "domains": ["loyalty.localhost"],
        "stores": [("cafe", "Café Central")],
        "modules": ["loyalty"],
    },
]


class Command(BaseCommand):
    help = "Load the demo platforms, stores and admin user (safe to run again)."

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        admin = get_user_model().objects.filter(email=ADMIN_EMAIL).first()
        if admin is None:
            admin = get_user_model().objects.create_superuser(ADMIN_EMAIL, ADMIN_PASSWORD, full_name="Demo Admin")
        for spec in DEMO:
            platform, _ = Platform.objects.get_or_create(
                code=spec["code"], defaults={"name": spec["name"], "description": spec["description"]}
            )
            for index, domain in enumerate(spec["domains"]):
                PlatformDomain.objects.get_or_create(domain=domain, defaults={"platform": platform, "is_primary": index == 0})
            for code, name in spec["stores"]:
                Store.objects.get_or_create(platform=platform, code=code, defaults={"name": name})
            for module in spec["modules"]:
                services.enable_module(platform=platform, code=module, actor=admin, via="demo")
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
        self.stdout.write(
            "\n  Platform site:  http://127.0.0.1:8000/  (Orion Commerce; http://loyalty.localhost:8000/ for Orion Loyalty)"
            f"\n  Admin:          http://127.0.0.1:8000/admin/   {ADMIN_EMAIL} / {ADMIN_PASSWORD}\n"
        )
