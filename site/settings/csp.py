"""Content-Security-Policy on every page (django-csp). Scripts run only from the
site's own files or with the response's nonce, never from inline text, so a
mistake that lets someone's words into a page cannot run as script.

Styles: 'unsafe-inline' is allowed for styles only, because the Wagtail admin
(and Swagger UI in the API docs) set style attributes in their own markup and
scripts. Pages that need something else (the partner widget, CV downloads) set
their own header, which the middleware leaves alone.
"""

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

CSP_REPORT_PATH = "/csp-report/"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        # data: for the small SVG icons Wagtail's and Swagger UI's CSS carry inline.
        "img-src": [SELF, "data:"],
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
