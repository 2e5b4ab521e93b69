"""What a module contributes to the store dashboard: metrics (tiles) and widgets.

A module names a factory in its definition (``metrics_provider`` /
``widget_provider``); the factory returns an object with ``get_metrics`` /
``get_widgets``. Only modules enabled for the store's platform are asked,
and a provider that raises is logged and skipped (see
``modules.core.selectors``). Providers receive the store and the request and
must keep to that store: one or two queries each, no cross-store reads.

Nothing here imports Django models, so any module may import it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from django.http import HttpRequest

__all__ = ["Metric", "MetricsProvider", "Widget", "WidgetProvider"]


@dataclass(frozen=True)
class Metric:
    """One figure on the dashboard, such as "Team members: 4".

    ``key`` is unique across modules (``"<code>.<name>"``); ``url``, when
    set, is where the tile links to; lower ``order`` comes first.
    """

    key: str
    label: str
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
    title: str
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)
    order: int = 100


@runtime_checkable
class MetricsProvider(Protocol):
    """What a module's ``metrics_provider`` factory returns."""

    def get_metrics(self, store: Any, request: HttpRequest) -> list[Metric]: ...


@runtime_checkable
class WidgetProvider(Protocol):
    """What a module's ``widget_provider`` factory returns."""

    def get_widgets(self, store: Any, request: HttpRequest) -> list[Widget]: ...
