"""The audit trail in Django admin: read-only, confined by platform, and on each object's History page."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from modules.tenancy import services as tenancy_services
from modules.tenancy.models import PlatformStaff
from modules.tenancy.testing import make_store, make_user, owner_of
from orion.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def renamed(platform: Any, other_platform: Any) -> tuple[Any, Any]:
    """A store of each platform, each renamed once by its owner (one entry each, besides its owner joining)."""
    ours = make_store(platform, "ours")
    theirs = make_store(other_platform, "theirs")
    tenancy_services.store_update(store=ours, actor=owner_of(ours), name="Ours Renamed")
    tenancy_services.store_update(store=theirs, actor=owner_of(theirs), name="Theirs Renamed")
    return ours, theirs


def platform_admin(platform: Any) -> Any:
    user = make_user(f"admin@{platform.code}.test", is_staff=True)
    PlatformStaff.objects.create(platform=platform, user=user)
    return user


def entry_of(store: Any) -> AuditEntry:
    """The store's rename (its creation also recorded its owner joining the team)."""
    with scopes_disabled():
        return AuditEntry.objects.get(store=store, action="tenancy.store.updated")


def test_a_platform_admin_lists_only_their_platforms_entries(client: Any, platform: Any, renamed: Any) -> None:
    ours, theirs = renamed
    client.force_login(platform_admin(platform))

    response = client.get(reverse("admin:audit_auditentry_changelist"))

    assert response.status_code == 200
    assert "Ours Renamed" in response.content.decode()
    assert "Theirs Renamed" not in response.content.decode()
    other = client.get(reverse("admin:audit_auditentry_change", args=[entry_of(theirs).pk]))
    assert other.status_code == 302  # Django admin's "does not exist" redirect to the index
    assert "Theirs" not in client.get(other.url, follow=True).content.decode()


def test_nobody_edits_an_entry_not_even_a_superuser(admin_client: Any, renamed: Any) -> None:
    ours, _theirs = renamed
    entry = entry_of(ours)

    page = admin_client.get(reverse("admin:audit_auditentry_change", args=[entry.pk]))
    deleted = admin_client.post(reverse("admin:audit_auditentry_delete", args=[entry.pk]), {"post": "yes"})

    assert page.status_code == 200
    assert "<td>Ours</td><td>Ours Renamed</td>" in page.content.decode()  # the name, before and after
    assert 'name="_save"' not in page.content.decode()
    assert deleted.status_code == 403
    with scopes_disabled():
        assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_an_objects_history_page_shows_its_audit_trail(client: Any, platform: Any, renamed: Any) -> None:
    ours, theirs = renamed
    client.force_login(platform_admin(platform))

    page = client.get(reverse("admin:tenancy_store_history", args=[ours.pk]))
    foreign = client.get(reverse("admin:tenancy_store_history", args=[theirs.pk]))

    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="audit-trail"' in html and "Ours Renamed" in html and owner_of(ours).email in html
    assert foreign.status_code == 302 and "Theirs Renamed" not in client.get(foreign.url).content.decode()
