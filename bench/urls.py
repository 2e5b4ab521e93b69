"""The minimal views the benchmarks drive: no template, no query of their own."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.views import View

from orion.views import StoreViewMixin


def ping(request: HttpRequest, store_code: str | None = None) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


class PlainView(View):
    """Loads the session and user, as every logged-in page does."""

    def get(self, request: HttpRequest, store_code: str) -> HttpResponse:
        return HttpResponse("ok" if request.user.is_authenticated else "anonymous", content_type="text/plain")


class GuardedView(StoreViewMixin, PlainView):
    """The same view behind the store access check (store_access.py)."""

    permission_required = "tenancy.view_team"


urlpatterns = [
    path("ping", ping, name="bench_ping"),
    path("store/<slug:store_code>/ping", ping, name="bench_store_ping"),
    path("store/<slug:store_code>/plain", PlainView.as_view(), name="bench_store_plain"),
    path("store/<slug:store_code>/guarded", GuardedView.as_view(), name="bench_store_guarded"),
    # The project's own routes after the bench's: catalog_http.py serves both from one gunicorn,
    # so the bare view above is measured in the same processes as the pages.
    path("", include("orion.urls")),
]
