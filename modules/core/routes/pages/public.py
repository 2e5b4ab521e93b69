from django.shortcuts import render
from django.urls import path

from orion.modules import services


def home(request):
    """The platform's public home: what it offers, from its enabled modules."""
    states = [s for s in services.module_states(request.platform) if s.enabled]
    stores = request.platform.stores.filter(is_active=True).order_by("name")
    return render(request, "core/public/home.html", {"module_states": states, "stores": stores})


urlpatterns = [path("", home, name="home")]
