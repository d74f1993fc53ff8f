"""Root URLs: /healthz, the JSON API at /api/v1/, and the pages (``jixiao.web.pages_urls``, when present)."""

from __future__ import annotations

import importlib

from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.urls import include, path

from jixiao.web.api import api


def healthz(request: HttpRequest) -> JsonResponse:
    vendor = "postgresql" if connection.vendor == "postgresql" else connection.vendor
    try:
        with connection.cursor() as cur:
            cur.execute("SELECT 1")
    except Exception:
        return JsonResponse({"status": "error", "database": vendor}, status=503)
    return JsonResponse({"status": "ok", "database": vendor})


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("api/v1/", api.urls),
]

try:
    _pages = importlib.import_module("jixiao.web.pages_urls")
except ModuleNotFoundError as exc:  # the pages are optional for the API alone
    if exc.name != "jixiao.web.pages_urls":
        raise
else:
    urlpatterns.append(path("", include(_pages)))
