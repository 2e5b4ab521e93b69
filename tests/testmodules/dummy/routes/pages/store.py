from django.urls import path
from django.views.generic import TemplateView

from orion.views import StoreViewMixin


class ThingListView(StoreViewMixin, TemplateView):
    """Any member of the store may look (no permission), as the menu test needs."""

    template_name = "dummy/store/thing_list.html"


urlpatterns = [path("things/", ThingListView.as_view(), name="thing_list")]
