"""Demo data for `make run`: two platforms, three merchants, stores with teams; modules add theirs (safe to run again).

The platforms, merchants, stores, users, roles and languages are data, in
``load_demo.toml`` beside this file; the command checks the file, then creates
what is missing and sends ``demo_store_loaded`` for every store.
"""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django_scopes import scope

from orion.datafiles import Problems, read_toml
from orion.modules import services as module_services

from ... import events, services
from ...models import Merchant, Platform, PlatformDomain, PlatformStaff, Store, StoreDomain, StoreMembership, StoreRole

DEMO_FILE = Path(__file__).with_suffix(".toml")  # load_demo.toml, beside this file
ROLES = [StoreRole.Kind.MANAGER, StoreRole.Kind.STAFF]  # of a team's members (the owner is named apart)


PLATFORM_KEYS = ("code", "name", "description", "domains", "modules", "staff", "merchants")
STORE_KEYS = ("code", "name", "tagline", "language", "owner")


def _entries(problems: Problems, where: str, value: Any, key: str) -> list[Any]:
    if isinstance(value, list):
        return value
    problems.add(where, f'"{key}" must be a list of tables, got {value!r}')
    return []


def _label(kind: str, entry: Any, key: str, index: int) -> str:
    """How an error names an entry: by its code or name when it has one, else by position."""
    name = entry.get(key) if isinstance(entry, dict) else None
    return f'{kind} "{name}"' if isinstance(name, str) and name else f"{kind}s[{index}]"


def _check_store(problems: Problems, where: str, store: dict[str, Any], languages: list[str]) -> None:
    for key in (*STORE_KEYS, *(("domain",) if "domain" in store else ())):
        problems.text(where, key, store[key])
    if store["language"] not in languages:
        problems.add(where, f'unknown language "{store["language"]}" (the languages: {", ".join(languages)})')
    for member in _entries(problems, where, store.get("team", []), "team"):
        if problems.table(f"{where}: team", member, required=("email", "role")) and member["role"] not in ROLES:
            roles = " or ".join(ROLES)
            problems.add(where, f'{member["email"]}: unknown role "{member["role"]}" (a team member is {roles})')


def load_demo_file(path: Path | None = None) -> dict[str, Any]:
    """The platforms, merchants, stores and users of ``DEMO_FILE``; a ``DataFileError`` names every bad entry."""
    path = path or DEMO_FILE
    data = read_toml(path)
    problems = Problems(path)
    problems.table("", data, required=("admin", "users", "platforms"))
    if "admin" in data and problems.table("admin", data["admin"], required=("email", "password", "full_name")):
        for key in ("email", "password", "full_name"):
            problems.text("admin", key, data["admin"][key])
    if "users" in data and problems.table("users", data["users"], required=("password",)):
        problems.text("users", "password", data["users"]["password"])
    languages = [code for code, _name in settings.LANGUAGES]
    codes: set[str] = set()
    for index, platform in enumerate(_entries(problems, "", data.get("platforms", []), "platforms")):
        where = _label("platform", platform, "code", index)
        if not problems.table(where, platform, required=PLATFORM_KEYS):
            continue
        for key in ("code", "name", "description"):
            problems.text(where, key, platform[key])
        for key in ("domains", "modules", "staff"):
            problems.strings(where, key, platform[key])
        for number, merchant in enumerate(_entries(problems, where, platform["merchants"], "merchants")):
            place = f"{where}: {_label('merchant', merchant, 'name', number)}"
            if not problems.table(place, merchant, required=("name", "email", "stores")):
                continue
            for position, store in enumerate(_entries(problems, place, merchant["stores"], "stores")):
                spot = _label("store", store, "code", position)
                if problems.table(spot, store, required=STORE_KEYS, optional=("team", "domain")):
                    _check_store(problems, spot, store, languages)
                    if store["code"] in codes:
                        problems.add(spot, "the code is used twice in the file")
                    codes.add(store["code"])
    problems.check()
    return data


def demo_user(email: str, password: str, **extra: Any) -> Any:
    users = get_user_model().objects
    return users.filter(email=email).first() or users.create_user(
        email, password, full_name=email.split("@")[0].title(), **extra
    )


class Command(BaseCommand):
    help = "Load the demo platforms, merchants, stores and teams (safe to run again)."

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        demo = load_demo_file()
        self.password = demo["users"]["password"]
        admin_spec = demo["admin"]
        admin = get_user_model().objects.filter(email=admin_spec["email"]).first()
        if admin is None:
            admin = get_user_model().objects.create_superuser(
                admin_spec["email"], admin_spec["password"], full_name=admin_spec["full_name"]
            )
        for spec in demo["platforms"]:
            platform, _ = Platform.objects.get_or_create(
                code=spec["code"], defaults={"name": spec["name"], "description": spec["description"]}
            )
            for index, domain in enumerate(spec["domains"]):
                PlatformDomain.objects.get_or_create(
                    domain=domain, defaults={"platform": platform, "is_primary": index == 0}
                )
            for email in spec["staff"]:
                PlatformStaff.objects.get_or_create(
                    platform=platform, user=demo_user(email, self.password, is_staff=True)
                )
            for merchant_spec in spec["merchants"]:
                self._merchant(platform, merchant_spec)
            for module in spec["modules"]:
                module_services.enable_module(platform=platform, code=module, actor=admin, via="demo")
            # After the modules are on: the signal reaches only enabled modules' receivers.
            for merchant_spec in spec["merchants"]:
                for store_spec in merchant_spec["stores"]:
                    store = Store.objects.get(platform=platform, code=store_spec["code"])
                    events.demo_store_loaded.send(sender="tenancy", platform=platform, store=store)
        self.stdout.write(self.style.SUCCESS("Demo data ready.") + "\n" + self.credentials(demo))

    def _merchant(self, platform: Platform, spec: dict[str, Any]) -> None:
        merchant, _ = Merchant.objects.get_or_create(
            platform=platform, name=spec["name"], defaults={"email": spec["email"]}
        )
        for store_spec in spec["stores"]:
            store = Store.objects.filter(platform=platform, code=store_spec["code"]).first()
            if store is not None:
                continue
            store = services.store_create(
                platform=platform,
                merchant=merchant,
                code=store_spec["code"],
                name=store_spec["name"],
                owner=demo_user(store_spec["owner"], self.password),
                default_language=store_spec["language"],
            )
            store.tagline = store_spec["tagline"]
            store.save(update_fields=["tagline"])
            with scope(store=store):
                for member in store_spec.get("team", []):
                    role = StoreRole.objects.get(kind=member["role"])
                    user = demo_user(member["email"], self.password)
                    StoreMembership.objects.create(store=store, user=user, role=role)
                if store_spec.get("domain"):
                    StoreDomain.objects.create(
                        store=store, domain=store_spec["domain"], kind="subdomain", is_primary=True
                    )

    @staticmethod
    def credentials(demo: dict[str, Any]) -> str:
        admin, password = demo["admin"], demo["users"]["password"]
        return f"""
  Platform site   http://127.0.0.1:8000/             (Orion Commerce)
                  http://loyalty.localhost:8000/     (Orion Loyalty)
  Django admin    http://127.0.0.1:8000/admin/       {admin["email"]} / {admin["password"]}  (everything)
                                                     ops@oms.test / {password}  (Orion Commerce only)
  Store login     http://127.0.0.1:8000/accounts/login/   password for all: {password}
                  owner@acme.test    owner of Acme Outdoor and Acme Kids, manager at Bistro Supplies
                  manager@acme.test  manager of Acme Outdoor, staff at Acme Kids
                  staff@acme.test    staff (read-only) at Acme Outdoor
                  owner@bistro.test  owner of Bistro Supplies
                  owner@cafe.test    owner of Café Central  (log in at http://loyalty.localhost:8000/accounts/login/)
  Storefronts     http://127.0.0.1:8000/shop/acme/   http://acme.oms.localhost:8000/   http://127.0.0.1:8000/shop/bistro/
  API docs        http://127.0.0.1:8000/api/docs/
"""
