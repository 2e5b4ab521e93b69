"""The minimal views the middleware benchmark drives: no template, no query, no module."""

from django.http import HttpRequest, HttpResponse
from django.urls import path


def ping(request: HttpRequest, store_code: str | None = None) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("ping", ping, name="bench_ping"),
    path("store/<slug:store_code>/ping", ping, name="bench_store_ping"),
]
