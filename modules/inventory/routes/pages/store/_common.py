"""What inventory's store pages share: the permissions they ask for and the page size of their lists."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

VIEW_STOCK = "inventory.view_stock"
ADJUST_STOCK = "inventory.adjust_stock"
MANAGE_LOCATIONS = "inventory.manage_locations"
PAGE_SIZE = 50


def page_of(request: HttpRequest, queryset: QuerySet[Any]) -> Page[Any]:
    """The page of ``queryset`` the request asks for (``?page=``), ``PAGE_SIZE`` rows long."""
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
