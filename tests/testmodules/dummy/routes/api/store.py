from django.urls import path
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView


class ThingListApi(APIView):
    permission_classes = [AllowAny]

    def get(self, request):
        return Response({"store": request.store.code if request.store else None, "things": []})


urlpatterns = [path("things/", ThingListApi.as_view(), name="thing_list")]
