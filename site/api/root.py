"""The one NinjaAPI of the site, at /api/v1/: each app's router, wired with its
authentication and rate limits in this one place."""

from __future__ import annotations

from ninja import NinjaAPI

from candidates.api import router as me_router
from employers.api import router as employers_router
from jobs.api import credentials as credentials_router
from jobs.api import postings as postings_router

from .auth import PersonalTokenAuth, public_auth
from .errors import install_error_handlers
from .models import Scope
from .throttle import CallerRateThrottle

DESCRIPTION = """\
Fair-chance job postings, the employers that publish them and their fair-chance
policies, and the credentials postings ask for.

Anyone may call the API without a key, up to a low rate per address. Partner
organisations get a key (send it as `X-API-Key`) with a higher rate. A signed-in
person can make their own token on their account page and send it as
`Authorization: Bearer ...` to read their own data (`/me`).

Every error has the body `{"error": {"code", "message", "fields"}}`; `429`
comes with `Retry-After` (seconds).
"""


class OpenDataAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        # Public operations also work with no credential at all: OpenAPI says
        # so with an empty requirement, which ninja has no way to declare.
        for operations in schema["paths"].values():
            for operation in operations.values():
                security = operation.get("security", [])
                if any("PartnerKeyAuth" in requirement for requirement in security):
                    security.append({})
        return schema


api = OpenDataAPI(
    title="Fair Chance Jobs open data",
    version="1.0.0",
    description=DESCRIPTION,
    urls_namespace="api",
    throttle=[CallerRateThrottle()],
)
install_error_handlers(api)
api.add_router("/postings", postings_router, auth=public_auth(Scope.POSTINGS))
api.add_router("/employers", employers_router, auth=public_auth(Scope.EMPLOYERS))
api.add_router("/credentials", credentials_router, auth=public_auth(Scope.CREDENTIALS))
api.add_router("/me", me_router, auth=[PersonalTokenAuth(required=True)])
