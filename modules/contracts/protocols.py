"""What a module contributes to the store dashboard: metrics (tiles) and widgets.

A module names a factory in its definition (``metrics_provider`` /
``widget_provider``); the factory returns an object with ``get_metrics`` /
``get_widgets``. Only modules enabled for the store's platform are asked,
and a provider that raises is logged and skipped (see
``modules.core.selectors``). Providers receive the store and the request and
must keep to that store: one or two queries each, no cross-store reads.

``StoreRef`` and ``PlatformRef`` (from ``orion.types``) are how a module
names a store or platform it only reads (its pk, code, currency, language)
without importing tenancy; code that hands the store to the ORM annotates it
with the model, ``modules.tenancy.interface.Store``.

Nothing here imports Django models, so any module may import it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from orion.types import PlatformRef, StoreRef, StrOrPromise

if TYPE_CHECKING:
    from orion.http import StoreRequest

__all__ = ["Metric", "MetricsProvider", "PlatformRef", "StoreRef", "Widget", "WidgetProvider"]


@dataclass(frozen=True)
class Metric:
    """One figure on the dashboard, such as "Team members: 4".

    ``key`` is unique across modules (``"<code>.<name>"``); ``url``, when
    set, is where the tile links to; lower ``order`` comes first.
    """

    key: str
    label: StrOrPromise
    value: int | float | Decimal | str
    unit: str = ""
    url: str | None = None
    order: int = 100


@dataclass(frozen=True)
class Widget:
    """A card on the dashboard, rendered with ``template`` and ``context``.

    A widget whose template fails to render is replaced by a short notice;
    the rest of the dashboard still shows.
    """

    key: str
    title: StrOrPromise
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)
    order: int = 100


@runtime_checkable
class MetricsProvider(Protocol):
    """What a module's ``metrics_provider`` factory returns."""

    def get_metrics(self, store: StoreRef, request: StoreRequest) -> list[Metric]: ...


@runtime_checkable
class WidgetProvider(Protocol):
    """What a module's ``widget_provider`` factory returns."""

    def get_widgets(self, store: StoreRef, request: StoreRequest) -> list[Widget]: ...
