from django.urls import path
from rest_framework.response import Response
from rest_framework.views import APIView

from orion.api import PlatformAdminAPIMixin


class ThingListApi(PlatformAdminAPIMixin, APIView):
    def get(self, request):
        return Response({"platform": request.platform.code, "things": []})


urlpatterns = [path("things/", ThingListApi.as_view(), name="thing_list")]
