"""JobPosting structured data (schema.org JSON-LD) for a posting's page.

Google's job search reads it: the required fields (title, description,
datePosted, hiringOrganization, jobLocation or a remote job's location
requirements) and the recommended ones (validThrough, employmentType,
baseSalary, identifier, directApply). A posting that is not visible has none,
so search engines drop it when it closes.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from employers.structured_data import organization_json_ld, postal_address
from fairsite.places import region_name
from fairsite.site_address import absolute_url

from .models import ApplicationMethod, Currency, EmploymentType, JobPosting

# schema.org's employmentType values that search engines understand.
EMPLOYMENT_TYPES = {
    EmploymentType.FULL_TIME: "FULL_TIME",
    EmploymentType.PART_TIME: "PART_TIME",
    EmploymentType.CONTRACT: "CONTRACTOR",
    EmploymentType.TEMPORARY: "TEMPORARY",
    EmploymentType.INTERNSHIP: "INTERN",
    EmploymentType.APPRENTICESHIP: "OTHER",
}
# A remote job says where people may work from: its country, or the US state or
# UK nation it is limited to (its open_to_country and open_to_region). A posting
# saved before these existed and never edited falls back to its pay's country.
CURRENCY_COUNTRIES = {Currency.USD: "US", Currency.GBP: "GB"}


def applicant_location(posting: JobPosting) -> dict:
    country = posting.open_to_country or CURRENCY_COUNTRIES[Currency(posting.salary_currency)]
    if posting.open_to_region:
        return {
            "@type": "State",
            "name": region_name(country, posting.open_to_region),
            "containedInPlace": {"@type": "Country", "name": country},
        }
    return {"@type": "Country", "name": country}


def _salary(posting: JobPosting) -> dict | None:
    low, high = posting.salary_min, posting.salary_max
    if not posting.salary_period or (low is None and high is None):
        return None
    value: dict = {"@type": "QuantitativeValue", "unitText": posting.salary_period.upper()}
    if low is not None and high is not None and low != high:
        value.update(minValue=float(low), maxValue=float(high))
    else:
        value["value"] = float(low if low is not None else high)
    return {"@type": "MonetaryAmount", "currency": posting.salary_currency, "value": value}


def posting_json_ld(posting: JobPosting, *, request: HttpRequest) -> dict | None:
    """The posting as a schema.org JobPosting; None when it is not visible."""
    if not posting.is_visible:
        return None
    locations = list(posting.locations.all())
    data: dict = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": posting.title,
        "description": posting.description,
        "url": absolute_url(posting.get_absolute_url()),
        "datePosted": posting.published_at.isoformat(),
        "validThrough": posting.expires_at.isoformat(),
        "employmentType": EMPLOYMENT_TYPES[EmploymentType(posting.employment_type)],
        "hiringOrganization": organization_json_ld(posting.employer, request=request, nested=True),
        "identifier": {
            "@type": "PropertyValue",
            "name": settings.SITE_NAME,
            "value": str(posting.pk),
        },
        "directApply": posting.application_method == ApplicationMethod.ON_SITE,
    }
    if locations:
        data["jobLocation"] = [
            {"@type": "Place", "address": postal_address(location)} for location in locations
        ]
    if posting.is_remote:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = [applicant_location(posting)]
    if salary := _salary(posting):
        data["baseSalary"] = salary
    if posting.skills:
        data["skills"] = ", ".join(posting.skills)
    return data
