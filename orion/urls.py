"""Root URLconf: admin, health, i18n, then every module's routes (see orion/modules/urls.py)."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.i18n import set_language
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from orion import health
from orion.modules.urls import module_urlpatterns

admin.site.site_header = "Orion"
admin.site.site_title = "Orion administration"

# Served on every host, a store's own domain included (see orion/urls_store_host.py).
framework_patterns = [
    path("admin/", admin.site.urls),
    path("health", health.ready, name="health"),
    path("health/live", health.live, name="health_live"),
    path("health/ready", health.ready, name="health_ready"),
    path("i18n/", include("django.conf.urls.i18n")),
    # The storefront's language choice carries no CSRF token, so its pages can be cached for every
    # shopper (orion/page_cache.py). The worst a forged post does is switch a visitor's language.
    path("i18n/shop-language/", csrf_exempt(require_POST(set_language)), name="shop_set_language"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api_schema"), name="api_docs"),
    *static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT),
]

urlpatterns = [*framework_patterns, *module_urlpatterns()]

handler403 = "orion.errors.handler403"
handler404 = "orion.errors.handler404"
handler500 = "orion.errors.handler500"
