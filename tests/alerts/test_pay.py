"""Alerts with a pay band find what the search page lists for it: a $ band only
dollar jobs, a £ band only pound jobs, an old currency-blind band both."""

import pytest

from candidates.alerts.forms import AlertForm
from candidates.alerts.search import alerts_matching_document
from candidates.alerts.services import alert_create
from candidates.alerts.summary import search_summary
from jobs.search.index import posting_document
from jobs.search.queries import PostingQuery
from tests.alerts.conftest import sync
from tests.factories import PublishedPostingFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_an_alerts_pay_band_matches_postings_in_its_currency_only(indices):
    owner = UserFactory()
    alerts = {
        band: alert_create(owner=owner, query=PostingQuery(filters={"salary": band}))
        for band in ("usd-30000", "gbp-30000", "30000", "gbp-40000")
    }
    sync()
    postings = {
        currency: PublishedPostingFactory(
            salary_min=30_000, salary_max=35_000, salary_period="year", salary_currency=currency
        )
        for currency in ("USD", "GBP")
    }

    def matched(currency) -> set[str]:
        ids = set(alerts_matching_document(posting_document(postings[currency])))
        return {band for band, alert in alerts.items() if alert.pk in ids}

    assert matched("USD") == {"usd-30000", "30000"}
    assert matched("GBP") == {"gbp-30000", "30000"}


@pytest.mark.parametrize(
    ("band", "words"),
    [
        ("usd-20000", "All jobs; $20,000 or more a year"),
        ("gbp-60000", "All jobs; £60,000 or more a year"),
        ("30000", "All jobs; 30,000 or more a year ($ or £)"),
    ],
)
def test_a_saved_searchs_description_names_the_currency_of_its_pay(band, words):
    assert search_summary(PostingQuery(filters={"salary": band})) == words


@pytest.mark.parametrize("band", ["30000", "gbp-30000"])
def test_the_alert_form_keeps_an_old_or_any_currency_band(seeded_credentials, band):
    form = AlertForm({"salary": band, "frequency": "daily"})

    assert form.is_valid(), form.errors
    assert form.to_query().filters == {"salary": band}
    # Shown with every field (when something else is wrong), the band stays chosen.
    assert f'value="{band}" selected' in str(form["salary"])


@pytest.mark.parametrize("band", ["eur-30000", "usd-25000", "gbp"])
def test_the_alert_form_refuses_a_bad_band_with_its_message(seeded_credentials, band):
    form = AlertForm({"salary": band, "frequency": "daily"})

    assert not form.is_valid()
    assert form.errors["salary"] == ["Choose one of the options in the list."]
