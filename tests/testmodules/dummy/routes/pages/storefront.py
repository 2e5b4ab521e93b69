from django.http import HttpResponse
from django.urls import path


def shelf(request, store_code):
    return HttpResponse(f"shelf of {request.store.code}")


urlpatterns = [path("shelf/", shelf, name="shelf")]
