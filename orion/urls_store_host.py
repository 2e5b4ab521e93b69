"""URLconf for a store's own domain (``StoreDomain``): its storefront at the root.

The tenant middleware switches to it when the Host is a store's domain. The
storefront is mounted without the ``/shop/<code>/`` prefix (the code comes
from the host), next to the APIs and the host-independent paths; the store
dashboard and the platform site stay on the platform's domains.
"""

from orion.modules.urls import module_urlpatterns
from orion.urls import framework_patterns, handler403, handler404, handler500  # noqa: F401 (Django reads them here)

urlpatterns = [*framework_patterns, *module_urlpatterns(store_host=True)]
