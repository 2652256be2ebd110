from django.http import JsonResponse
from django.urls import path, re_path

from .errors import error_body
from .root import api


def api_not_found(request, rest=""):
    """Unknown addresses under /api/ answer in the API's error shape, not an HTML page."""
    return JsonResponse(
        error_body("not_found", "There is nothing at this address. See /api/v1/docs."),
        status=404,
    )


urlpatterns = [
    path("api/v1/", api.urls),
    re_path(r"^api/(?P<rest>.*)$", api_not_found),
]
