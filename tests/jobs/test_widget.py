"""The partner widget: the right postings, themable within limits, frameable, cookieless."""

import pytest
from django.conf import settings
from django.urls import reverse

from jobs.models import Status
from jobs.widget import contrast
from tests.factories import UserFactory
from tests.html import parse

pytestmark = pytest.mark.django_db

WIDGET = "/widget/jobs/"


def titles(response) -> list[str]:
    return [
        a.get_text(strip=True).removesuffix("(opens in a new tab)").strip()
        for a in parse(response).select("li .title a")
    ]


def test_the_url_names_are_the_documented_addresses():
    assert reverse("jobs:widget") == WIDGET
    assert reverse("jobs:widget-script") == "/widget/jobs.js"


def test_an_employer_widget_lists_its_visible_postings_newest_first(client, corpus):
    corpus[7].status = Status.CLOSED
    corpus[7].save()

    response = client.get(WIDGET, {"employer": "parcel-pallet"})

    assert response.status_code == 200
    assert titles(response) == ["Warehouse operative", "Warehouse team leader"]
    assert parse(response).h1.get_text() == "Jobs at Parcel & Pallet"
    link = parse(response).select_one("li .title a")
    assert link["href"] == f"{settings.SITE_URL}{corpus[0].get_absolute_url()}"
    assert link["target"] == "_blank"


def test_a_search_widget_shows_the_first_postings_the_search_page_shows(client, corpus):
    response = client.get(WIDGET, {"q": "warehouse", "limit": "3", "accent": "#7a1f5c"})
    page = parse(client.get("/jobs/", {"q": "warehouse"}))
    on_page = [a.get_text().strip() for a in page.select(".posting-card__title a")]

    assert titles(response) == on_page[:3]
    more = parse(response).select_one(".more a")["href"]
    assert more == f"{settings.SITE_URL}/jobs/?q=warehouse"


def test_the_widget_may_be_framed_by_any_site_and_nothing_else_may(client, corpus):
    widget = client.get(WIDGET, {"employer": "lanternway"})
    assert "X-Frame-Options" not in widget
    assert "frame-ancestors *" in widget["Content-Security-Policy"]
    assert "default-src 'none'" in widget["Content-Security-Policy"]

    for other in ("/jobs/", "/employers/lanternway/", reverse("tokens:list")):
        assert client.get(other)["X-Frame-Options"] == "DENY"


def test_the_widget_sets_no_cookies_even_for_a_signed_in_visitor(client, corpus):
    assert client.get(WIDGET).cookies == {}

    client.force_login(UserFactory())
    client.get("/jobs/")  # a page that reads the session and sets the CSRF cookie
    response = client.get(WIDGET, {"employer": "ironbridge"})

    assert response.cookies == {}
    assert "Set-Cookie" not in str(response.serialize_headers())


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"accent": "red"}, "six hexadecimal digits"),
        ({"accent": "#12345"}, "six hexadecimal digits"),
        ({"background": "#gggggg"}, "six hexadecimal digits"),
        ({"accent": "#ffffff"}, "too close to the background"),
        ({"accent": "#777777", "background": "#888888"}, "too close to the background"),
        ({"limit": "0"}, "at least 1"),
        ({"limit": "500"}, "at most 20"),
        ({"limit": "lots"}, "from 1 to 20"),
        ({"employer": "not a slug!"}, "web address name"),
    ],
)
def test_bad_settings_get_a_plain_400_that_is_still_frameable_and_cookieless(
    client, db, params, message
):
    response = client.get(WIDGET, params)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert "X-Frame-Options" not in response
    assert response.cookies == {}


def test_theme_colours_reach_the_page_with_readable_text(client, corpus):
    response = client.get(
        WIDGET, {"employer": "ironbridge", "accent": "#ffd166", "background": "#1b1b3a"}
    )

    css = parse(response).style.get_text()
    assert "background: #1b1b3a" in css
    assert "color: #ffd166" in css
    assert "color: #ffffff" in css  # white body text on a dark background


def test_contrast_is_the_wcag_ratio():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#0b4f8a", "#ffffff") > 4.5
    assert contrast("#777777", "#ffffff") < 4.5


def test_an_unknown_employer_shows_an_empty_list(client, db):
    response = client.get(WIDGET, {"employer": "nobody"})

    assert response.status_code == 200
    assert "No open jobs right now." in response.content.decode()


def test_the_script_writes_an_iframe_to_the_widget(client, db):
    response = client.get("/widget/jobs.js")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    body = response.content.decode()
    assert '"\\u002Fwidget\\u002Fjobs\\u002F"' in body or '"/widget/jobs/"' in body
    assert "iframe" in body
