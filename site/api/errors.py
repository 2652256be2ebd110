"""One error body for every API failure: {"error": {"code", "message", "fields"}}.

Each exception ninja or Django raises on the way (bad parameters, a bad key, a
missing object, too many requests, a crash) is turned into that shape here, so
a client needs one error parser.
"""

from __future__ import annotations

import logging

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError

logger = logging.getLogger(__name__)


class ErrorDetail(Schema):
    code: str
    message: str
    fields: dict[str, list[str]] = {}


class ErrorBody(Schema):
    error: ErrorDetail


# Documented on every operation: what any call can answer besides success.
ERROR_RESPONSES = {
    400: ErrorBody,
    401: ErrorBody,
    403: ErrorBody,
    404: ErrorBody,
    422: ErrorBody,
    429: ErrorBody,
}


class InvalidInput(Exception):
    """Parameters that parsed but don't make sense, with a message per parameter."""

    def __init__(self, fields: dict[str, list[str]]):
        super().__init__("invalid input")
        self.fields = fields


def error_body(code: str, message: str, fields: dict | None = None) -> dict:
    return {"error": {"code": code, "message": message, "fields": fields or {}}}


def _respond(api, request, status, code, message, fields=None) -> HttpResponse:
    return api.create_response(request, error_body(code, message, fields), status=status)


def _field_name(loc) -> str:
    # ninja reports ("query", "page") or ("path", "id"); the parameter's name is enough.
    parts = [str(part) for part in loc if part not in {"query", "path", "body", "header"}]
    return ".".join(parts) or "request"


def install_error_handlers(api: NinjaAPI) -> None:
    """Replace ninja's default error bodies with the one shape."""

    @api.exception_handler(NinjaValidationError)
    def invalid_parameters(request: HttpRequest, exc: NinjaValidationError):
        fields: dict[str, list[str]] = {}
        for error in exc.errors:
            fields.setdefault(_field_name(error.get("loc", ())), []).append(error["msg"])
        return _respond(api, request, 422, "invalid", "Some parameters are not valid.", fields)

    @api.exception_handler(InvalidInput)
    def invalid_input(request: HttpRequest, exc: InvalidInput):
        return _respond(api, request, 422, "invalid", "Some parameters are not valid.", exc.fields)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError):
        response = _respond(api, request, 401, "unauthenticated", str(exc))
        response["WWW-Authenticate"] = 'Bearer realm="api"'
        return response

    @api.exception_handler(AuthorizationError)
    def forbidden(request: HttpRequest, exc: AuthorizationError):
        return _respond(api, request, 403, "forbidden", str(exc))

    @api.exception_handler(Throttled)
    def throttled(request: HttpRequest, exc: Throttled):
        message = "Too many requests. Wait for the number of seconds in Retry-After."
        return _respond(api, request, 429, "rate_limited", message)

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404):
        return _respond(api, request, 404, "not_found", "There is nothing at this address.")

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError):
        return _respond(api, request, exc.status_code, "error", str(exc))

    @api.exception_handler(Exception)
    def server_error(request: HttpRequest, exc: Exception):
        logger.error("API request failed: %s %s", request.method, request.path)
        return _respond(api, request, 500, "server_error", "Something went wrong on our side.")
