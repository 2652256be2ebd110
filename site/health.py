"""/healthz: is the site able to serve? JSON for load balancers and people alike."""

import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from elasticsearch import ApiError, TransportError

from fairsite.search.client import get_client
from fairsite.site_address import site_records_mismatch

logger = logging.getLogger(__name__)


def database_status() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("Health check: database unavailable: %s", type(error).__name__)
        return {"up": False, "detail": "The database did not answer."}
    return {"up": True, "detail": connection.vendor}


def elasticsearch_status() -> dict:
    try:
        # GET / is not served by every build (the core test build answers 405),
        # so cluster health is the check that works everywhere.
        health = get_client().options(request_timeout=3, max_retries=0).cluster.health()
    except (TransportError, ApiError) as error:
        logger.warning("Health check: Elasticsearch unavailable: %s", type(error).__name__)
        return {"up": False, "detail": "Elasticsearch did not answer."}
    status = health["status"]
    return {"up": status in {"green", "yellow"}, "detail": f"cluster status {status}"}


def site_address_status() -> dict:
    """Do the site records (emails, sitemap, canonical links) say SITE_URL's address?"""
    try:
        problems = site_records_mismatch()
    except DatabaseError:
        return {"up": False, "detail": "The site records could not be read."}
    if problems:
        logger.warning("Health check: site records differ from SITE_URL: %s", "; ".join(problems))
        return {
            "up": False,
            "detail": f"Not {settings.SITE_URL}: {'; '.join(problems)} (run manage.py migrate).",
        }
    return {"up": True, "detail": settings.SITE_URL}


@never_cache
@require_GET
def healthz(request):
    checks = {
        "database": database_status(),
        "elasticsearch": elasticsearch_status(),
        "site": site_address_status(),
    }
    down = [name for name, check in checks.items() if not check["up"]]
    body = {"status": "down" if down else "ok", "down": down, "checks": checks}
    return JsonResponse(body, status=503 if down else 200)
