"""The partner widget: a short list of open roles that other sites embed.

`/widget/jobs/` is the page that goes in the iframe: an employer's open roles
(`employer=slug`) or a search (the search page's own parameters), themed by
`accent` and `background` colours. It is the only page that other sites may
frame (frame-ancestors *, no X-Frame-Options), and it sets no cookies: it reads
no session and renders no form, messages or CSRF token, so no middleware has a
cookie to set (tests/jobs/test_widget.py checks this for a signed-in visitor).
`/widget/jobs.js` is the small script that writes the iframe.
"""

from __future__ import annotations

import base64
import hashlib

from django import forms
from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from employers.selectors import public_employer
from fairsite.site_address import absolute_url

from .search.forms import SearchForm
from .search.results import search_or_database
from .selectors import visible_postings_of

COLOUR = r"^#[0-9a-fA-F]{6}$"
COLOUR_MESSAGE = "Give the colour as # and six hexadecimal digits, for example #0b4f8a."
MIN_CONTRAST = 4.5  # WCAG 2.2 AA for normal text
# Tells the embedding page how tall the list is, so the iframe never scrolls.
RESIZE_SCRIPT = (
    "parent.postMessage({fairChanceWidgetHeight:document.documentElement.scrollHeight},'*');"
)
RESIZE_HASH = base64.b64encode(hashlib.sha256(RESIZE_SCRIPT.encode()).digest()).decode()
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
    f"script-src 'sha256-{RESIZE_HASH}'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors *"
)


def _colour(label: str, initial: str) -> forms.RegexField:
    return forms.RegexField(
        label=label,
        regex=COLOUR,
        required=False,
        error_messages={"invalid": COLOUR_MESSAGE},
        initial=initial,
    )


def _luminance(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


class WidgetForm(forms.Form):
    employer = forms.SlugField(
        label="Employer",
        required=False,
        max_length=160,
        error_messages={"invalid": "Give the employer's web address name, such as acme-foods."},
    )
    accent = _colour("Link colour", "#0b4f8a")
    background = _colour("Background colour", "#ffffff")
    limit = forms.IntegerField(
        label="Number of jobs",
        required=False,
        min_value=1,
        max_value=20,
        error_messages={
            "invalid": "Give the number of jobs as a number from 1 to 20.",
            "min_value": "Show at least 1 job.",
            "max_value": "Show at most 20 jobs.",
        },
    )

    def clean(self):
        cleaned = super().clean()
        accent = cleaned.get("accent") or self.fields["accent"].initial
        background = cleaned.get("background") or self.fields["background"].initial
        cleaned["accent"], cleaned["background"] = accent, background
        colours_given = "accent" not in self.errors and "background" not in self.errors
        if colours_given and contrast(accent, background) < MIN_CONTRAST:
            self.add_error(
                "accent",
                "The link colour is too close to the background colour for people to "
                "read. Choose a darker or lighter one.",
            )
        cleaned["limit"] = cleaned.get("limit") or 5
        # Body text in black or white, whichever reads better on the background:
        # one of them always reaches at least 4.58:1.
        black, white = contrast("#000000", background), contrast("#ffffff", background)
        cleaned["text"] = "#000000" if black >= white else "#ffffff"
        return cleaned


def _postings(form: WidgetForm, params) -> tuple[list, str, str]:
    """The postings to show, the list's heading and the page with all of them."""
    limit = form.cleaned_data["limit"]
    slug = form.cleaned_data.get("employer")
    if slug:
        employer = public_employer(slug)
        if employer is None:
            return [], "Jobs", reverse("jobs:list")
        heading = f"Jobs at {employer.name}"
        postings = list(visible_postings_of(employer)[:limit])
        return postings, heading, employer.get_absolute_url()
    results = search_or_database(SearchForm(params).to_query())
    search = params.copy()
    for name in ("accent", "background", "limit", "employer", "page"):
        search.pop(name, None)
    link = reverse("jobs:list") + (f"?{search.urlencode()}" if search else "")
    return [hit.posting for hit in results.hits[:limit]], "Fair-chance jobs", link


@require_GET
@xframe_options_exempt
def widget_page(request):
    form = WidgetForm(request.GET)
    if not form.is_valid():
        response = render(request, "jobs/widget/error.html", {"form": form}, status=400)
    else:
        postings, heading, more = _postings(form, request.GET)
        response = render(
            request,
            "jobs/widget/list.html",
            {
                "postings": postings,
                "heading": heading,
                "more_url": absolute_url(more),
                "site_url": settings.SITE_URL,
                "theme": form.cleaned_data,
                "resize_script": RESIZE_SCRIPT,
                "site_name": settings.SITE_NAME,
            },
        )
        patch_cache_control(response, public=True, max_age=300)
    response["Content-Security-Policy"] = CSP
    return response


@require_GET
def widget_script(request):
    response = render(
        request,
        "jobs/widget/embed.js",
        {"widget_path": reverse("jobs:widget")},
        content_type="text/javascript; charset=utf-8",
    )
    patch_cache_control(response, public=True, max_age=3600)
    return response
