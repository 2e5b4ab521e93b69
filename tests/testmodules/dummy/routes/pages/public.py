from django.http import HttpResponse
from django.urls import path


def about(request):
    return HttpResponse(f"about dummy on {request.platform.code}")


urlpatterns = [path("dummy-about/", about, name="about")]
