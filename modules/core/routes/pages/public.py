from django.shortcuts import render
from django.urls import path

from orion.modules import services

from . import accounts
from orion.modules.definition import ModuleTier

TIER_ORDER = {ModuleTier.OPTIONAL: 0, ModuleTier.CORE: 1, ModuleTier.INTERNAL: 2}


def home(request):
    """The platform's public home: what it offers, from its enabled modules."""
    states = sorted(
        (s for s in services.module_states(request.platform) if s.enabled),
        key=lambda s: (TIER_ORDER[s.definition.tier], str(s.definition.name)),
    )
    stores = request.platform.stores.filter(is_active=True).order_by("name")
    return render(request, "core/public/home.html", {"module_states": states, "stores": stores})


urlpatterns = [path("", home, name="home"), *accounts.urlpatterns]
