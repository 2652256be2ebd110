"""The migration that gives remote postings a country and postcode-only places a
town, run on postings saved before it."""

import pytest

from tests.migrations import migrate_to, migrated_back_to

BEFORE = [("jobs", "0005_applications")]
AFTER = [("jobs", "0006_remote_postings_open_to")]


@pytest.mark.django_db(transaction=True)
def test_existing_remote_postings_get_a_country_and_postcodes_a_town():
    with migrated_back_to(BEFORE) as old:
        Employer = old.get_model("employers", "Employer")
        JobPosting = old.get_model("jobs", "JobPosting")
        PostingLocation = old.get_model("jobs", "PostingLocation")
        employer = Employer.objects.create(
            name="Clyde", slug="clyde", industry="warehouse-logistics", size="small"
        )

        def posting(title, **fields):
            return JobPosting.objects.create(
                employer=employer,
                title=title,
                description="<p>Work.</p>",
                category="warehouse-logistics",
                employment_type="full_time",
                check_timing="after_offer",
                check_level="basic",
                **fields,
            )

        posting("Pounds", workplace="remote", salary_currency="GBP")
        posting("Dollars", workplace="remote", salary_currency="USD")
        placed = posting("Placed", workplace="remote", salary_currency="USD")
        PostingLocation.objects.create(
            posting=placed, label="Leeds, England", country="GB", latitude=53.8, longitude=-1.5
        )
        on_site = posting("On site", workplace="on_site", salary_currency="GBP")
        PostingLocation.objects.create(
            posting=on_site,
            label="E1",
            postal_code="E1",
            country="GB",
            latitude=51.517,
            longitude=-0.059,
        )

        new = migrate_to(AFTER)
        JobPosting = new.get_model("jobs", "JobPosting")
        PostingLocation = new.get_model("jobs", "PostingLocation")

        countries = dict(JobPosting.objects.values_list("title", "open_to_country"))
        assert countries == {"Pounds": "GB", "Dollars": "US", "Placed": "GB", "On site": ""}
        location = PostingLocation.objects.get(posting_id=on_site.pk)
        assert (location.label, location.locality) == ("E1, London", "London")
