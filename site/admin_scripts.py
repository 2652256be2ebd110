"""Wagtail's admin writes a few small inline scripts that start its widgets (date
pickers, choosers, inline panels). The site's Content-Security-Policy runs no
inline script, so this middleware lets exactly those run, and nothing else.

Each inline script of an admin page is compared with the shapes Wagtail writes:
a call of one of a fixed list of initialisers whose arguments are JSON data
(checked by parsing them as JSON), or an inline panel built from an escaped JSON
string. Each script that has such a shape is allowed by its SHA-256 hash for
that response only. Any other inline script, including anything someone managed
to slip into a page, matches no shape, gets no hash and is blocked.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re

from django.http import HttpRequest, HttpResponse

ADMIN_PREFIX = "/admin/"
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
# initDateChooser("id", {...});  new ImageChooser("id", {...});  createTaskChooser("id");
INITIALISER_CALL = re.compile(
    r"\s*(?:new\s+)?(?P<name>[A-Za-z]+)\((?P<args>.*)\);\s*",
    re.S,
)
INITIALISERS = {
    "initDateChooser",
    "initTimeChooser",
    "initDateTimeChooser",
    "Chooser",
    "PageChooser",
    "ImageChooser",
    "DocumentChooser",
    "SnippetChooser",
    "TaskChooser",
    "createTaskChooser",
}
# (function() { var panel = new InlinePanel(JSON.parse("...escapejs...")); })();
PANEL = re.compile(
    r"\s*\(function\(\)\s*\{\s*var panel = new (?:InlinePanel|MultipleChooserPanel)"
    # escapejs writes every quote and backslash as \uXXXX, so the string cannot end early.
    r'\(JSON\.parse\("(?:[^"\\\n]|\\u[0-9A-Fa-f]{4})*"\)\);\s*\}\)\(\);\s*'
)


def is_wagtail_initialiser(script: str) -> bool:
    """Does this inline script have one of the shapes Wagtail's admin writes?"""
    if PANEL.fullmatch(script):
        return True
    call = INITIALISER_CALL.fullmatch(script)
    if call is None or call["name"] not in INITIALISERS:
        return False
    try:
        # The arguments, as a JSON array, must be plain data: no code, no calls.
        json.loads(f"[{call['args']}]")
    except ValueError:
        return False
    return True


def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


class AdminInitialiserScriptsMiddleware:
    """Adds the hashes of an admin page's Wagtail initialiser scripts to its script-src.

    Placed after django-csp's middleware, so it sees the response first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            not request.path.startswith(ADMIN_PREFIX)
            or response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
        ):
            return response
        scripts = INLINE_SCRIPT.findall(response.content.decode(response.charset or "utf-8"))
        hashes = sorted({script_hash(s) for s in scripts if is_wagtail_initialiser(s)})
        if hashes:
            update = dict(getattr(response, "_csp_update", None) or {})
            update["script-src"] = [*update.get("script-src", []), *hashes]
            response._csp_update = update
        return response
