"""Organization structured data (schema.org JSON-LD) for an employer's page,
and the address shape job postings reuse."""

from __future__ import annotations

from django.http import HttpRequest

from fairsite.site_address import absolute_url

from .models import Employer, Location


def postal_address(location: Location) -> dict:
    """A schema.org PostalAddress with every part the location has."""
    parts = {
        "streetAddress": location.street_address,
        "addressLocality": location.locality,
        "addressRegion": location.region,
        "postalCode": location.postal_code,
        "addressCountry": location.country,
    }
    return {"@type": "PostalAddress", **{name: value for name, value in parts.items() if value}}


def organization_json_ld(employer: Employer, *, request: HttpRequest, nested: bool = False) -> dict:
    """The employer as a schema.org Organization (without @context when nested)."""
    page = absolute_url(employer.get_absolute_url())
    data: dict = {"@type": "Organization", "name": employer.name, "url": page}
    data["sameAs"] = employer.website or page
    if employer.logo:
        data["logo"] = absolute_url(employer.logo.url)
    if not nested:
        data = {"@context": "https://schema.org/", **data}
        if employer.about:
            data["description"] = employer.about
        addresses = [postal_address(location) for location in employer.locations.all()]
        if addresses:
            data["address"] = addresses
    return data
