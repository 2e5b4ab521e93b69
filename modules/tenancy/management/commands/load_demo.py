"""Demo data for `make run`: two platforms, three merchants, stores with teams; modules add theirs (safe to run again)."""

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django_scopes import scope

from orion.modules import services as module_services

from ... import events, services
from ...models import Merchant, Platform, PlatformDomain, PlatformStaff, Store, StoreDomain, StoreMembership, StoreRole

ADMIN_EMAIL = "admin@orion.test"
ADMIN_PASSWORD = "orion-demo-admin"
PASSWORD = "orion-demo"  # every other demo user

DEMO = [
    {
        "code": "oms",
        "name": "Orion Commerce",
        "description": "Order management for independent shops.",
        "domains": ["localhost", "127.0.0.1", "oms.localhost"],
        "modules": ["catalog", "checkout", "analytics"],
        "staff": ["ops@oms.test"],
        "merchants": [
            {
                "name": "Acme Outdoor GmbH",
                "email": "office@acme.test",
                "stores": [
                    {
                        "code": "acme",
                        "name": "Acme Outdoor",
                        "tagline": "Gear for every trail",
                        "language": "en",
                        "domain": "acme.oms.localhost",
                        "team": {
                            "owner@acme.test": "owner",
                            "manager@acme.test": "manager",
                            "staff@acme.test": "staff",
                        },
                    },
                    {
                        "code": "acme-kids",
                        "name": "Acme Kids",
                        "tagline": "Small boots, big adventures",
                        "language": "de",
                        "team": {"owner@acme.test": "owner", "manager@acme.test": "staff"},
                    },
                ],
            },
            {
                "name": "Bistro Supplies SARL",
                "email": "contact@bistro.test",
                "stores": [
                    {
                        "code": "bistro",
                        "name": "Bistro Supplies",
                        "tagline": "Tout pour la cuisine",
                        "language": "fr",
                        "team": {"owner@bistro.test": "owner", "owner@acme.test": "manager"},
                    }
                ],
            },
        ],
    },
    {
        "code": "loyalty",
        "name": "Orion Loyalty",
        "description": "Stamp cards and points for cafés and shops.",
        "domains": ["loyalty.localhost"],
        "modules": ["loyalty"],
        "staff": ["ops@loyalty.test"],
        "merchants": [
            {
                "name": "Café Central S.à r.l.",
                "email": "moien@cafe.test",
                "stores": [
                    {
                        "code": "cafe",
                        "name": "Café Central",
                        "tagline": "Kaffi a Kuch zënter 1920",
                        "language": "lb",
                        "team": {"owner@cafe.test": "owner"},
                    }
                ],
            }
        ],
    },
]


def demo_user(email: str, **extra: Any) -> Any:
    users = get_user_model().objects
    return users.filter(email=email).first() or users.create_user(
        email, PASSWORD, full_name=email.split("@")[0].title(), **extra
    )


class Command(BaseCommand):
    help = "Load the demo platforms, merchants, stores and teams (safe to run again)."

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
                PlatformDomain.objects.get_or_create(
                    domain=domain, defaults={"platform": platform, "is_primary": index == 0}
                )
            for email in spec["staff"]:
                PlatformStaff.objects.get_or_create(platform=platform, user=demo_user(email, is_staff=True))
            for merchant_spec in spec["merchants"]:
                self._merchant(platform, merchant_spec)
            for module in spec["modules"]:
                module_services.enable_module(platform=platform, code=module, actor=admin, via="demo")
            # After the modules are on: the signal reaches only enabled modules' receivers.
            for merchant_spec in spec["merchants"]:
                for store_spec in merchant_spec["stores"]:
                    store = Store.objects.get(platform=platform, code=store_spec["code"])
                    events.demo_store_loaded.send(sender="tenancy", platform=platform, store=store)
        self.stdout.write(self.style.SUCCESS("Demo data ready.") + "\n" + self.credentials())

    def _merchant(self, platform: Platform, spec: dict) -> None:
        merchant, _ = Merchant.objects.get_or_create(
            platform=platform, name=spec["name"], defaults={"email": spec["email"]}
        )
        for store_spec in spec["stores"]:
            store = Store.objects.filter(platform=platform, code=store_spec["code"]).first()
            if store is not None:
                continue
            team = list(store_spec["team"].items())
            store = services.store_create(
                platform=platform,
                merchant=merchant,
                code=store_spec["code"],
                name=store_spec["name"],
                owner=demo_user(team[0][0]),
                default_language=store_spec["language"],
            )
            store.tagline = store_spec["tagline"]
            store.save(update_fields=["tagline"])
            with scope(store=store):
                for email, kind in team[1:]:
                    role = StoreRole.objects.get(kind=kind)
                    StoreMembership.objects.create(store=store, user=demo_user(email), role=role)
                if store_spec.get("domain"):
                    StoreDomain.objects.create(
                        store=store, domain=store_spec["domain"], kind="subdomain", is_primary=True
                    )

    @staticmethod
    def credentials() -> str:
        return f"""
  Platform site   http://127.0.0.1:8000/             (Orion Commerce)
                  http://loyalty.localhost:8000/     (Orion Loyalty)
  Django admin    http://127.0.0.1:8000/admin/       {ADMIN_EMAIL} / {ADMIN_PASSWORD}  (everything)
                                                     ops@oms.test / {PASSWORD}  (Orion Commerce only)
  Store login     http://127.0.0.1:8000/accounts/login/   password for all: {PASSWORD}
                  owner@acme.test    owner of Acme Outdoor and Acme Kids, manager at Bistro Supplies
                  manager@acme.test  manager of Acme Outdoor, staff at Acme Kids
                  staff@acme.test    staff (read-only) at Acme Outdoor
                  owner@bistro.test  owner of Bistro Supplies
                  owner@cafe.test    owner of Café Central  (log in at http://loyalty.localhost:8000/accounts/login/)
  Storefronts     http://127.0.0.1:8000/shop/acme/   http://acme.oms.localhost:8000/   http://127.0.0.1:8000/shop/bistro/
  API docs        http://127.0.0.1:8000/api/docs/
"""
