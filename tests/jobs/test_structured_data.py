"""JobPosting and Organization JSON-LD, read from the pages the way a search engine does."""

import json
import re
from datetime import datetime

import pytest
from django.conf import settings
from django.test import Client

from jobs.models import Status
from tests.factories import (
    ExpiredPostingFactory,
    OwnerFactory,
    PublishedPostingFactory,
    VerifiedEmployerFactory,
)
from tests.html import parse

pytestmark = pytest.mark.django_db

EMPLOYMENT_TYPES = {
    "FULL_TIME",
    "PART_TIME",
    "CONTRACTOR",
    "TEMPORARY",
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "OTHER",
}
UNITS = {"HOUR", "DAY", "WEEK", "MONTH", "YEAR"}
ISO_8601 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$")


def json_ld(response) -> list[dict]:
    scripts = parse(response).select('script[type="application/ld+json"]')
    return [json.loads(script.string) for script in scripts]


def job_posting(client, posting) -> dict:
    response = client.get(posting.get_absolute_url())
    assert response.status_code == 200
    (data,) = [d for d in json_ld(response) if d["@type"] == "JobPosting"]
    return data


def assert_iso_datetime(value: str) -> datetime:
    assert ISO_8601.match(value), value
    return datetime.fromisoformat(value)


def test_every_posting_of_the_corpus_has_the_required_and_recommended_fields(client, corpus):
    for posting in corpus:
        data = job_posting(client, posting)

        assert data["@context"] == "https://schema.org/"
        assert data["title"] == posting.title
        assert data["description"].startswith("<p>")
        posted = assert_iso_datetime(data["datePosted"])
        closes = assert_iso_datetime(data["validThrough"])
        assert posted < closes
        assert data["employmentType"] in EMPLOYMENT_TYPES
        organisation = data["hiringOrganization"]
        assert organisation["@type"] == "Organization"
        assert organisation["name"] == posting.employer.name
        assert organisation["sameAs"].startswith("http")
        assert data["identifier"] == {
            "@type": "PropertyValue",
            "name": "Fair Chance Jobs",
            "value": str(posting.pk),
        }
        assert data["directApply"] is True
        assert data["url"] == f"{settings.SITE_URL}{posting.get_absolute_url()}"
        if posting.is_remote:
            assert data["jobLocationType"] == "TELECOMMUTE"
            assert data["applicantLocationRequirements"] == [{"@type": "Country", "name": "US"}]
        else:
            for place in data["jobLocation"]:
                address = place["address"]
                assert place["@type"] == "Place"
                assert address["@type"] == "PostalAddress"
                assert {"addressLocality", "addressRegion", "addressCountry"} <= set(address)
                assert address["addressCountry"] in {"US", "GB"}
        if posting.salary_period:
            salary = data["baseSalary"]
            assert salary["@type"] == "MonetaryAmount"
            assert salary["currency"] in {"USD", "GBP"}
            value = salary["value"]
            assert value["@type"] == "QuantitativeValue"
            assert value["unitText"] in UNITS
            assert isinstance(value["minValue"], float)
            assert isinstance(value["maxValue"], float)
            assert value["minValue"] <= value["maxValue"]
        else:
            assert "baseSalary" not in data


def test_salary_and_address_values_are_the_postings_own(client, corpus):
    leader = job_posting(client, corpus[1])

    assert leader["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "minValue": 40000.0,
        "maxValue": 45000.0,
        "unitText": "YEAR",
    }
    assert leader["jobLocation"][0]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Columbus",
        "addressRegion": "OH",
        "addressCountry": "US",
    }
    assert job_posting(client, corpus[2])["employmentType"] == "TEMPORARY"


def test_a_full_address_a_logo_and_a_website_are_all_given(client, db):
    employer = VerifiedEmployerFactory(
        website="https://harbour.example", logo="employers/logos/h.png"
    )
    posting = PublishedPostingFactory(
        employer=employer,
        salary_min=15,
        salary_max=15,
        application_method="external_url",
        apply_url="https://harbour.example/jobs/1",
        located=False,
    )
    posting.locations.create(
        label="SW1A 1AA",
        street_address="1 Dock Road",
        locality="London",
        region="England",
        postal_code="SW1A 1AA",
        country="GB",
        latitude=51.5,
        longitude=-0.14,
    )

    data = job_posting(client, posting)

    assert data["jobLocation"][0]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "1 Dock Road",
        "addressLocality": "London",
        "addressRegion": "England",
        "postalCode": "SW1A 1AA",
        "addressCountry": "GB",
    }
    assert data["hiringOrganization"]["sameAs"] == "https://harbour.example"
    assert data["hiringOrganization"]["logo"] == f"{settings.SITE_URL}/media/employers/logos/h.png"
    assert data["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "value": 15.0,
        "unitText": "HOUR",
    }
    assert data["directApply"] is False


def test_a_remote_job_limited_to_a_nation_says_so(client, db):
    posting = PublishedPostingFactory(
        workplace="remote",
        open_to_country="GB",
        open_to_region="Scotland",
        salary_currency="GBP",
        located=False,
    )

    data = job_posting(client, posting)

    assert "Work from anywhere in Scotland" in client.get(posting.get_absolute_url()).text
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert "jobLocation" not in data
    assert data["applicantLocationRequirements"] == [
        {
            "@type": "State",
            "name": "Scotland",
            "containedInPlace": {"@type": "Country", "name": "GB"},
        }
    ]


@pytest.mark.parametrize("status", [Status.CLOSED, Status.FILLED, Status.PAUSED])
def test_a_removed_posting_previewed_by_its_employer_has_no_json_ld(client, db, status):
    posting = PublishedPostingFactory(status=status)
    owner = OwnerFactory(employer=posting.employer)
    client.force_login(owner.user)

    response = client.get(posting.get_absolute_url())

    assert response.status_code == 200
    assert json_ld(response) == []


def test_an_expired_posting_has_no_json_ld_and_no_page(client, db):
    posting = ExpiredPostingFactory()
    assert client.get(posting.get_absolute_url()).status_code == 404

    owner = OwnerFactory(employer=posting.employer)
    preview = Client()
    preview.force_login(owner.user)
    response = preview.get(posting.get_absolute_url())
    assert response.status_code == 200
    assert json_ld(response) == []


def test_the_json_ld_cannot_break_out_of_its_script_element(client, db):
    posting = PublishedPostingFactory(title="Cook </script><script>alert(1)</script>")

    response = client.get(posting.get_absolute_url())

    assert b"</script><script>alert(1)" not in response.content
    assert job_posting(client, posting)["title"] == posting.title


def test_an_employer_page_has_organization_data(client, corpus):
    employer = corpus[0].employer
    response = client.get(employer.get_absolute_url())

    (data,) = json_ld(response)
    assert data["@context"] == "https://schema.org/"
    assert data["@type"] == "Organization"
    assert data["name"] == "Parcel & Pallet"
    assert data["url"] == f"{settings.SITE_URL}/employers/parcel-pallet/"
    assert data["description"].startswith("We run warehouses")
