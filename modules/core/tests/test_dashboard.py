"""The store dashboard: tiles and widgets from enabled modules only; a broken one never breaks the page."""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

import pytest
from django.urls import reverse
from django_scopes import scope

from modules.contracts.protocols import Metric, MetricsProvider, Widget, WidgetProvider
from modules.tenancy import services as tenancy_services
from modules.tenancy.models import StoreRole
from modules.tenancy.testing import owner_of
from orion.modules import registry


class DummyMetrics:
    def get_metrics(self, store: Any, request: Any) -> list[Metric]:
        return [Metric(key="dummy.things", label="Things on sale", value=f"{store.code}-42", order=1)]


class DummyWidgets:
    def get_widgets(self, store: Any, request: Any) -> list[Widget]:
        return [
            Widget(key="dummy.hello", title="Dummy widget", template="dummy/store/slot.html", context={}, order=5),
            Widget(key="dummy.broken", title="Broken widget", template="dummy/store/no-such.html", context={}),
        ]


class RaisingProvider:
    def get_metrics(self, store: Any, request: Any) -> list[Metric]:
        raise RuntimeError("metrics backend is down")

    def get_widgets(self, store: Any, request: Any) -> list[Widget]:
        raise RuntimeError("widgets backend is down")


def _patch_dummy(monkeypatch: pytest.MonkeyPatch, **providers: Any) -> None:
    definition = dataclasses.replace(registry.MODULES["dummy"], **providers)
    monkeypatch.setitem(registry.MODULES, "dummy", definition)


def _dashboard(client: Any, store: Any) -> Any:
    client.force_login(owner_of(store))
    return client.get(reverse("store:core:dashboard_view", kwargs={"store_code": store.code}))


def test_the_contracts_are_protocols() -> None:
    assert isinstance(DummyMetrics(), MetricsProvider)
    assert isinstance(DummyWidgets(), WidgetProvider)
    assert not isinstance(DummyWidgets(), MetricsProvider)


def test_an_enabled_modules_metrics_and_widgets_show(client, store, enable, monkeypatch) -> None:
    _patch_dummy(monkeypatch, metrics_provider=DummyMetrics, widget_provider=DummyWidgets)
    enable("dummy")

    response = _dashboard(client, store)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Things on sale" in html and "acme-42" in html
    assert 'data-widget="dummy.hello"' in html and "Dummy widget" in html
    # A widget whose template fails shows a notice in place; the page still renders.
    assert 'data-widget="dummy.broken"' in html
    assert "This widget could not be shown." in html
    # Sorted by order: dummy's tile (1) before core's (10).
    assert [m.key for m in response.context["metrics"]][:2] == ["dummy.things", "core.team_members"]


def test_a_disabled_modules_providers_are_not_asked(client, store, monkeypatch) -> None:
    _patch_dummy(monkeypatch, metrics_provider=DummyMetrics, widget_provider=DummyWidgets)

    response = _dashboard(client, store)

    assert response.status_code == 200
    assert "Things on sale" not in response.content.decode()
    assert "dummy.hello" not in response.content.decode()
    assert "core.team_members" in [m.key for m in response.context["metrics"]]


def test_a_raising_provider_is_logged_and_skipped(client, store, enable, monkeypatch, caplog) -> None:
    _patch_dummy(monkeypatch, metrics_provider=RaisingProvider, widget_provider=RaisingProvider)
    enable("dummy")

    with caplog.at_level(logging.ERROR, logger="modules.core.selectors"):
        response = _dashboard(client, store)

    assert response.status_code == 200
    assert "core.team_members" in [m.key for m in response.context["metrics"]]
    assert response.context["widgets"] == []
    failed = [r.getMessage() for r in caplog.records]
    assert "get_metrics of module 'dummy' failed; skipped" in failed
    assert "get_widgets of module 'dummy' failed; skipped" in failed


def test_a_provider_returning_the_wrong_type_is_skipped(client, store, enable, monkeypatch) -> None:
    class Wrong:
        def get_metrics(self, store: Any, request: Any) -> list[Any]:
            return [{"key": "dummy.raw", "label": "Raw dict", "value": 1}]

    _patch_dummy(monkeypatch, metrics_provider=Wrong)
    enable("dummy")

    response = _dashboard(client, store)

    assert response.status_code == 200
    assert "Raw dict" not in response.content.decode()


def _role(store: Any, kind: str) -> Any:
    with scope(store=store):
        return StoreRole.objects.get(kind=kind)


def test_core_counts_team_members_and_pending_invitations_of_this_store_only(
    client, store, other_store, member
) -> None:
    owner = owner_of(store)
    member(store, "staff@acme.test", "staff")
    member(other_store, "one@bravo.test", "staff")
    member(other_store, "two@bravo.test", "staff")
    with scope(store=store):
        tenancy_services.invitation_create(
            store=store, actor=owner, email="new@acme.test", role=_role(store, "manager")
        )
        revoked, _token = tenancy_services.invitation_create(
            store=store, actor=owner, email="gone@acme.test", role=_role(store, "staff")
        )
        tenancy_services.invitation_revoke(invitation=revoked, actor=owner)
    with scope(store=other_store):
        tenancy_services.invitation_create(
            store=other_store, actor=owner_of(other_store), email="x@bravo.test", role=_role(other_store, "staff")
        )

    response = _dashboard(client, store)

    metrics = {m.key: m.value for m in response.context["metrics"]}
    assert metrics["core.team_members"] == 2
    assert metrics["core.pending_invitations"] == 1


def test_outsiders_get_404_and_members_without_the_permission_403(client, store, other_store, member) -> None:
    url = reverse("store:core:dashboard_view", kwargs={"store_code": store.code})
    client.force_login(owner_of(other_store))
    assert client.get(url).status_code == 404

    with scope(store=store):
        role = tenancy_services.role_create(
            store=store, actor=owner_of(store), name="Packer", permissions=["core.view_settings"]
        )
    packer = member(store, "packer@acme.test", role=role)
    client.force_login(packer)
    assert client.get(url).status_code == 403


def test_the_store_root_leads_to_the_dashboard(client, store) -> None:
    client.force_login(owner_of(store))

    response = client.get(reverse("store:core:store_home", kwargs={"store_code": store.code}))

    assert response.status_code == 302
    assert response["Location"] == reverse("store:core:dashboard_view", kwargs={"store_code": store.code})


def test_the_dashboard_runs_a_fixed_number_of_queries(
    client, store, enable, monkeypatch, django_assert_max_num_queries, member
) -> None:
    _patch_dummy(monkeypatch, metrics_provider=DummyMetrics, widget_provider=DummyWidgets)
    enable("dummy")
    for n in range(5):
        member(store, f"staff{n}@acme.test", "staff")
    client.force_login(owner_of(store))
    url = reverse("store:core:dashboard_view", kwargs={"store_code": store.code})
    client.get(url)  # warm the tenant cache

    with django_assert_max_num_queries(6):
        response = client.get(url)

    assert response.status_code == 200
