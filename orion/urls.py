"""Root URLconf: admin, health, i18n, then every module's routes (see orion/modules/urls.py)."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from orion import health
from orion.modules.urls import module_urlpatterns

admin.site.site_header = "Orion"
admin.site.site_title = "Orion administration"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("health", health.ready, name="health"),
    path("health/live", health.live, name="health_live"),
    path("health/ready", health.ready, name="health_ready"),
    path("i18n/", include("django.conf.urls.i18n")),
    *module_urlpatterns(),
    *static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT),
]
