from django.urls import path
from rest_framework.response import Response
from rest_framework.views import APIView

from orion.api import StoreAPIMixin


class ThingListApi(StoreAPIMixin, APIView):
    permission_required = "dummy.view_thing"

    def get(self, request):
        return Response({"store": request.store.code, "things": []})


urlpatterns = [path("things/", ThingListApi.as_view(), name="thing_list")]
