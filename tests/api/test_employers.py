"""Employers and credentials in the API: stable pages, details with validators, bad input."""

import pytest
from django.conf import settings

from employers.models import PolicyExclusion
from tests.factories import EmployerFactory, EmployerWithoutPolicyFactory

pytestmark = pytest.mark.django_db


def test_employers_are_listed_by_name_with_their_policy_fields(client, corpus):
    PolicyExclusion.objects.create(
        policy=corpus[0].employer.policy, role_type="driving", offence_category="driving"
    )
    EmployerFactory(name="Quiet Co", slug="quiet")  # unverified, no open role: not listed

    body = client.get("/api/v1/employers").json()

    assert [e["slug"] for e in body["results"]] == ["ironbridge", "lanternway", "parcel-pallet"]
    assert body["count"] == 3
    parcel = body["results"][2]
    assert parcel["open_roles"] == 3
    assert parcel["is_verified"] is False
    assert parcel["feed_url"] == f"{settings.SITE_URL}/feeds/employers/parcel-pallet.atom"
    policy = parcel["policy"]
    assert policy["check_timing"] == "after_offer"
    assert policy["checks_after_offer"] is True
    assert policy["exclusions"] == [{"role_type": "driving", "offence_category": "driving"}]
    assert policy["support"] == ["mentoring", "flexible_hours"]
    assert policy["sentences"][0].startswith("We only look at criminal records after")


def test_employer_pages_are_stable_and_filterable(client, corpus):
    first = client.get("/api/v1/employers", {"per_page": 2}).json()
    second = client.get("/api/v1/employers", {"per_page": 2, "page": 2}).json()
    beyond = client.get("/api/v1/employers", {"per_page": 2, "page": 3}).json()

    assert [e["slug"] for e in first["results"] + second["results"]] == [
        "ironbridge",
        "lanternway",
        "parcel-pallet",
    ]
    assert first["pages"] == 2
    assert beyond["results"] == []
    verified = client.get("/api/v1/employers", {"verified": "true"}).json()
    assert [e["slug"] for e in verified["results"]] == ["ironbridge", "lanternway"]


def test_an_employer_without_a_policy_says_so(client, corpus):
    employer = EmployerWithoutPolicyFactory(verification_status="verified", slug="new-co")

    body = client.get(f"/api/v1/employers/{employer.slug}").json()

    assert body["policy"] is None


def test_an_employer_has_etag_and_last_modified(client, corpus):
    first = client.get("/api/v1/employers/lanternway")

    assert first.status_code == 200
    assert (
        client.get(
            "/api/v1/employers/lanternway", headers={"If-None-Match": first["ETag"]}
        ).status_code
        == 304
    )
    policy = corpus[4].employer.policy
    policy.support = ["training"]
    policy.save()
    assert (
        client.get(
            "/api/v1/employers/lanternway", headers={"If-None-Match": first["ETag"]}
        ).status_code
        == 200
    )


@pytest.mark.parametrize(
    ("url", "status", "field"),
    [
        ("/api/v1/employers?page=0", 422, "page"),
        ("/api/v1/employers?page=10001", 422, "page"),
        ("/api/v1/employers?per_page=101", 422, "per_page"),
        ("/api/v1/employers?per_page=two", 422, "per_page"),
        ("/api/v1/employers?verified=maybe", 422, "verified"),
        ("/api/v1/employers/not%20a%20slug", 422, "slug"),
        ("/api/v1/employers/nobody-here", 404, None),
        ("/api/v1/employers/quiet", 404, None),
        ("/api/v1/credentials?page=-1", 422, "page"),
        ("/api/v1/credentials?per_page=0", 422, "per_page"),
        ("/api/v1/credentials/not%20a%20slug", 422, "slug"),
        ("/api/v1/credentials/no-such-thing", 404, None),
    ],
)
def test_bad_input_gets_the_error_shape(client, corpus, url, status, field):
    EmployerFactory(name="Quiet Co", slug="quiet")

    response = client.get(url)

    assert response.status_code == status
    error = response.json()["error"]
    assert error["message"]
    assert list(error["fields"]) == ([field] if field else [])


def test_credentials_list_their_open_roles(client, corpus):
    body = client.get("/api/v1/credentials").json()

    by_slug = {c["slug"]: c for c in body["results"]}
    assert body["count"] == 4
    assert by_slug["cpors"]["open_roles"] == 2
    assert by_slug["cpscp"]["open_roles"] == 0
    assert (
        by_slug["cpors"]["postings_url"] == f"{settings.SITE_URL}/api/v1/postings?credential=cpors"
    )
    names = [c["name"] for c in body["results"]]
    assert names == sorted(names)


def test_a_credential_in_full_with_an_etag(client, corpus):
    response = client.get("/api/v1/credentials/cpors")

    assert response.status_code == 200
    assert response.json()["abbreviation"] == "CPORS"
    assert (
        client.get(
            "/api/v1/credentials/cpors", headers={"If-None-Match": response["ETag"]}
        ).status_code
        == 304
    )
