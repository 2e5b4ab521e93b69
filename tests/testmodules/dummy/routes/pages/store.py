from django.shortcuts import render
from django.urls import path


def thing_list(request, store_code):
    return render(request, "dummy/store/thing_list.html", {"store": request.store})


urlpatterns = [path("things/", thing_list, name="thing_list")]
