"""The store's activity: every audited change of its data, newest first, by everyone on the team."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.views.generic import TemplateView

from modules.tenancy.interface import StoreRequest
from orion.audit.selectors import store_activity
from orion.views import StoreViewMixin

PAGE_SIZE = 50


class ActivityListView(StoreViewMixin, TemplateView):
    """Entries newest first, in pages of ``PAGE_SIZE``; ``?before=<id>`` shows those older than that entry.

    Ordered by time, then id (entries moved in from elsewhere keep their time but get new ids);
    the page after an entry is a keyset query, a fixed cost however long the trail.

    ``?object=catalog.product:12`` narrows to one object (the "All changes" link of its history),
    ``?module=catalog`` to one module.
    """

    request: StoreRequest

    permission_required = "core.view_activity"
    template_name = "core/store/activity_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        query = self.request.GET
        entries = store_activity(store=self.request.store, object=query.get("object", ""), module=query.get("module", ""))
        before = query.get("before", "")
        if before.isdigit():
            cursor = entries.filter(pk=int(before)).values_list("created_at", "pk").first()
            if cursor is not None:
                at, pk = cursor
                entries = entries.filter(Q(created_at__lt=at) | Q(created_at=at, pk__lt=pk))
        page = list(entries.order_by("-created_at", "-pk")[: PAGE_SIZE + 1])
        return super().get_context_data(
            entries=page[:PAGE_SIZE],
            older=page[PAGE_SIZE - 1].pk if len(page) > PAGE_SIZE else None,
            filtered=bool(query.get("object") or query.get("module")),
            **kwargs,
        )
