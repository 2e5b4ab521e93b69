from django.http import HttpResponse
from django.urls import path
from django.views import View

from orion.views import StoreViewMixin


class ExtrasView(StoreViewMixin, View):
    def get(self, request, store_code):
        return HttpResponse("extras")


urlpatterns = [path("extras/", ExtrasView.as_view(), name="extras")]
