"""Where browsers send Content-Security-Policy violation reports (report-uri).

Each report is logged as one line at WARNING, so a page that breaks under the
policy shows up in the logs. Only what says where the policy bit is kept: the
directive, the page's path and the blocked resource's origin (or "inline",
"eval"), and the script file's path and line. Never a query string, a full
blocked address or a sample of the blocked text: those can carry what someone
searched for or typed. Limited per visitor, as anyone can post here.
"""

from __future__ import annotations

import json
import logging
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from fairsite.client_address import client_address
from fairsite.rate_limits import count_request

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 16 * 1024
REPORTS_PER_MINUTE = 30
KEYWORDS = {"inline", "eval", "wasm-eval", "trusted-types-policy", "trusted-types-sink", "data"}


def _path_only(address: object) -> str:
    """A URL's path without its query or fragment ("" for anything else)."""
    if not isinstance(address, str):
        return ""
    return urlsplit(address).path[:200]


def _origin_only(address: object) -> str:
    """A blocked resource as its origin, or the keyword the browser used ("inline")."""
    if not isinstance(address, str):
        return ""
    if address in KEYWORDS:
        return address
    parts = urlsplit(address)
    if parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname:
        return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"[:200]
    return parts.scheme[:20]


def violation_summary(report: dict) -> dict:
    """The parts of one report that may be logged (see the module docstring)."""
    directive = report.get("effective-directive") or report.get("violated-directive") or ""
    line = report.get("line-number")
    return {
        "directive": str(directive).split(" ")[0][:60],
        "page": _path_only(report.get("document-uri")),
        "blocked": _origin_only(report.get("blocked-uri")),
        "source": _path_only(report.get("source-file")),
        "line": line if isinstance(line, int) else None,
    }


def _reports_in(body: object) -> list[dict]:
    """The reports in a body: report-uri's {"csp-report": {...}} or a Reporting API list."""
    if isinstance(body, dict) and isinstance(body.get("csp-report"), dict):
        return [body["csp-report"]]
    if isinstance(body, list):
        found = []
        for item in body:
            if isinstance(item, dict) and isinstance(item.get("body"), dict):
                # The Reporting API's camelCase names, mapped to report-uri's.
                entry = item["body"]
                found.append(
                    {
                        "effective-directive": entry.get("effectiveDirective"),
                        "document-uri": entry.get("documentURL"),
                        "blocked-uri": entry.get("blockedURL"),
                        "source-file": entry.get("sourceFile"),
                        "line-number": entry.get("lineNumber"),
                    }
                )
        return found
    return []


def _refusal(status: int, message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


@csrf_exempt
@require_POST
def csp_report(request: HttpRequest) -> HttpResponse:
    counted = count_request(f"csp-report:{client_address(request)}")
    if counted.count > REPORTS_PER_MINUTE:
        response = _refusal(429, "Too many reports; try again in a minute.")
        response["Retry-After"] = str(max(int(counted.seconds_left), 1))
        return response
    if len(request.body) > MAX_BODY_BYTES:
        return _refusal(413, "A report must be under 16 KB.")
    try:
        body = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return _refusal(400, "A report must be JSON.")
    reports = _reports_in(body)
    if not reports:
        return _refusal(400, "No Content-Security-Policy report found in the body.")
    for report in reports[:10]:
        logger.warning("CSP violation: %s", json.dumps(violation_summary(report)))
    return HttpResponse(status=204)
