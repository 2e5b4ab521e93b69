from django.http import HttpResponse
from django.urls import path


def extras(request, store_code):
    return HttpResponse("extras")


urlpatterns = [path("extras/", extras, name="extras")]
