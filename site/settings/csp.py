"""Content-Security-Policy on every page (django-csp). Scripts run only from the
site's own files or with the response's nonce, never from inline text, so a
mistake that lets someone's words into a page cannot run as script.

Styles: 'unsafe-inline' is allowed for styles only, because the Wagtail admin
(and Swagger UI in the API docs) set style attributes in their own markup and
scripts. Pages that need something else (the partner widget, CV downloads) set
their own header, which the middleware leaves alone.
"""

from urllib.parse import urlsplit

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from .storage import STORAGE_SETTINGS

CSP_REPORT_PATH = "/csp-report/"


def public_media_origins(storages: dict) -> list[str]:
    """Where browsers load public uploads (logos, CMS images) from, if not this site:
    the S3-compatible store's public address (settings/storage.py)."""
    options = storages.get("default", {}).get("OPTIONS", {})
    bucket = options.get("bucket_name")
    if not bucket:
        return []
    if custom := options.get("custom_domain"):
        return [f"{options.get('url_protocol', 'https:')}//{custom.split('/')[0]}"]
    if endpoint := options.get("endpoint_url"):
        address = urlsplit(endpoint)
        if options.get("addressing_style") == "virtual":
            return [f"{address.scheme}://{bucket}.{address.netloc}"]
        return [f"{address.scheme}://{address.netloc}"]
    return ["https://*.amazonaws.com"]


CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        # data: for the small SVG icons Wagtail's and Swagger UI's CSS carry inline.
        "img-src": [SELF, "data:", *public_media_origins(STORAGE_SETTINGS)],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        # The Wagtail admin previews pages (and the widget page shows the widget)
        # in frames from this site.
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "report-uri": CSP_REPORT_PATH,
    },
}
