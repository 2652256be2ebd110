"""Places: real lookups against the real built data (no stand-in gazetteer).

`make test` builds the data first; the lookups need no database.
"""

from __future__ import annotations

import pytest
from django import forms
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from fairsite.places import (
    ATTRIBUTION,
    Place,
    PlaceNotFound,
    distance_miles,
    find_place,
    read_place,
    region_name,
    warm,
)
from fairsite.places.aliases import ALIASES, EXTRA_PLACES
from fairsite.places.build import is_current
from fairsite.places.forms import PlaceField, form_readings

# Degrees: about 2 km north-south, less east-west. A town's or a postcode
# district's centre varies by about that much between sources.
NEAR = 0.02


@pytest.fixture(scope="module", autouse=True)
def built_data():
    warm()


def assert_at(place: Place, latitude: float, longitude: float, within: float = NEAR) -> None:
    assert abs(place.latitude - latitude) < within, place
    assert abs(place.longitude - longitude) < within, place


def test_the_data_is_built_from_the_current_sources():
    assert is_current()


@pytest.mark.parametrize(
    ("text", "label", "latitude", "longitude"),
    [
        ("90210", "90210 (Beverly Hills, CA)", 34.090, -118.407),
        ("02139-4307", "02139 (Cambridge, MA)", 42.365, -71.104),
        ("021394307", "02139 (Cambridge, MA)", 42.365, -71.104),
        (" 10001 ", "10001 (New York, NY)", 40.750, -73.997),
        ("Cambridge, MA 02139", "02139 (Cambridge, MA)", 42.365, -71.104),
        ("SW1A 1AA", "SW1A, London", 51.502, -0.135),
        ("sw1a1aa", "SW1A, London", 51.502, -0.135),
        ("SW1A", "SW1A, London", 51.502, -0.135),
        ("sw1a-1aa", "SW1A, London", 51.502, -0.135),
        ("London SW1A 1AA", "SW1A, London", 51.502, -0.135),
        ("M1", "M1, Manchester", 53.478, -2.236),
        ("m1 1ae", "M1, Manchester", 53.478, -2.236),
        ("W1", "W1, London", 51.514, -0.144),
        ("EC1", "EC1, London", 51.523, -0.104),
        ("BT1", "BT1, Belfast", 54.600, -5.930),
        ("BT1 1AA", "BT1, Belfast", 54.600, -5.930),
    ],
)
def test_zip_codes_and_postcodes_resolve_to_their_centre(text, label, latitude, longitude):
    place = find_place(text)

    assert place.label == label
    assert place.kind in {"zip", "postcode"}
    assert place.country == ("US" if label[0].isdigit() else "GB")
    assert_at(place, latitude, longitude)


def test_w1_is_placed_in_the_west_end_not_in_east_london():
    # GeoNames rows below accuracy 4 put W1 about 8 km east, at -0.034.
    assert find_place("W1").longitude < -0.12


@pytest.mark.parametrize(
    ("text", "prefer", "label", "latitude", "longitude"),
    [
        ("Birmingham", "US", "Birmingham, AL", 33.521, -86.803),
        ("Birmingham", "GB", "Birmingham, England", 52.481, -1.900),
        ("Birmingham, AL", None, "Birmingham, AL", 33.521, -86.803),
        ("Birmingham, England", "US", "Birmingham, England", 52.481, -1.900),
        ("Manchester", "GB", "Manchester, England", 53.481, -2.237),
        ("Manchester, NH", None, "Manchester, NH", 42.996, -71.455),
        ("Manchester UK", "US", "Manchester, England", 53.481, -2.237),
        ("Portland", None, "Portland, OR", 45.523, -122.676),
        ("Portland", "US", "Portland, OR", 45.523, -122.676),
        ("Portland, ME", "US", "Portland, ME", 43.657, -70.259),
        ("Portland, Oregon", "GB", "Portland, OR", 45.523, -122.676),
        ("portland or", None, "Portland, OR", 45.523, -122.676),
        ("Portland; OR", None, "Portland, OR", 45.523, -122.676),
        ("Portland/Maine", None, "Portland, ME", 43.657, -70.259),
        ("Portland, Dorset", None, "Portland, England", 50.567, -2.445),
        ("Cambridge", "US", "Cambridge, MA", 42.375, -71.106),
        ("Cambridge", "GB", "Cambridge, England", 52.200, 0.117),
        ("Cambridge, MA", "GB", "Cambridge, MA", 42.375, -71.106),
        ("Cambridge, UK", "US", "Cambridge, England", 52.200, 0.117),
        ("Cambridge, Massachusetts, USA", None, "Cambridge, MA", 42.375, -71.106),
        ("Richmond, VA", None, "Richmond, VA", 37.554, -77.460),
        ("Richmond, Virginia", "GB", "Richmond, VA", 37.554, -77.460),
        ("Richmond, London", None, "Richmond, England", 51.462, -0.306),
        ("Richmond, North Yorkshire", None, "Richmond, England", 54.404, -1.734),
        ("Cleveland, OH", None, "Cleveland, OH", 41.500, -81.695),
        ("CLEVELAND ,  oh.", None, "Cleveland, OH", 41.500, -81.695),
        ("London", None, "London, England", 51.509, -0.126),
        ("Edinburgh", None, "Edinburgh, Scotland", 55.952, -3.197),
        ("Belfast", "GB", "Belfast, Northern Ireland", 54.597, -5.925),
        ("Saint Paul, MN", None, "Saint Paul, MN", 44.944, -93.093),
        ("Coeur d'Alene", None, "Coeur d'Alene, ID", 47.678, -116.780),
        ("Winston Salem", None, "Winston-Salem, NC", 36.100, -80.244),
    ],
)
def test_towns_resolve_with_qualifiers_and_preferences(text, prefer, label, latitude, longitude):
    place = find_place(text, prefer_country=prefer)

    assert place.label == label
    assert place.kind == "city"
    assert_at(place, latitude, longitude)


@pytest.mark.parametrize(
    ("text", "label", "latitude", "longitude"),
    [
        ("New York", "New York City, NY", 40.714, -74.006),
        ("new york, ny", "New York City, NY", 40.714, -74.006),
        ("NYC", "New York City, NY", 40.714, -74.006),
        ("Washington DC", "Washington, DC", 38.895, -77.036),
        ("Washington, D.C.", "Washington, DC", 38.895, -77.036),
        ("DC", "Washington, DC", 38.895, -77.036),
        ("St Louis", "St. Louis, MO", 38.627, -90.198),
        ("Saint Louis", "St. Louis, MO", 38.627, -90.198),
        ("ST. LOUIS, MO", "St. Louis, MO", 38.627, -90.198),
        ("LA", "Los Angeles, CA", 34.052, -118.244),
        ("Hull", "Kingston upon Hull, England", 53.745, -0.335),
        ("Richmond upon Thames", "Richmond, England", 51.462, -0.306),
        ("Westminster, London", "City of Westminster, England", 51.497, -0.137),
        ("Shoreditch", "Shoreditch, England", 51.526, -0.079),
    ],
)
def test_aliases_find_the_place_people_mean(text, label, latitude, longitude):
    place = find_place(text)

    assert place.label == label
    assert_at(place, latitude, longitude)


@pytest.mark.parametrize(("alias", "target"), ALIASES.items())
def test_every_alias_reaches_its_target(alias, target):
    place = find_place(alias, prefer_country=target.country)

    assert (place.name, place.country, place.admin1) == (target.name, target.country, target.admin1)


@pytest.mark.parametrize("extra", EXTRA_PLACES, ids=lambda extra: extra.name)
def test_every_extra_place_sits_at_its_postcode_district(extra):
    place = find_place(f"{extra.name}, {extra.admin2}")

    assert place.name == extra.name
    assert place.point == find_place(extra.postcode).point


def test_westminster_with_a_uk_preference_is_the_london_borough():
    assert find_place("Westminster", prefer_country="GB").label == "City of Westminster, England"


@pytest.mark.parametrize(
    ("text", "prefer", "first_two"),
    [
        ("Birmingham", None, ["Birmingham, England", "Birmingham, AL"]),
        ("Manchester", None, ["Manchester, England", "Manchester, NH"]),
        ("Cambridge", None, ["Cambridge, England", "Cambridge, MA"]),
        ("Richmond", "US", ["Richmond, VA", "Richmond, CA"]),
        ("Richmond, England", None, ["Richmond, Greater London", "Richmond, North Yorkshire"]),
        # A preference never sends someone to a small town when a far bigger
        # one abroad has the name.
        ("London", "US", ["London, England", "London, OH"]),
        ("Portland", "GB", ["Portland, OR", "Portland, ME"]),
    ],
)
def test_names_that_could_be_several_places_are_read_with_the_others_kept(text, prefer, first_two):
    reading = read_place(text, prefer_country=prefer)

    assert [reading.chosen.text, reading.others[0].text] == first_two
    assert reading.is_ambiguous
    # Each reading's text finds exactly that place, and names no other.
    for choice in (reading.chosen, *reading.others):
        again = read_place(choice.text, prefer_country=prefer)
        assert again.place == choice.place
        assert not again.is_ambiguous


def test_a_reading_says_in_words_which_place_it_took():
    assert read_place("Birmingham").sentence() == (
        "We took 'Birmingham' to mean Birmingham, England. "
        "If you meant Birmingham, Alabama or Birmingham, Michigan, type that instead."
    )


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Manchestr", "Manchester"),
        ("Birmingam", "Birmingham"),
        ("Pheonix", "Phoenix"),
        ("Edinbrugh", "Edinburgh"),
        ("Portland, Narnia", "Portland, OR"),
        ("Birmingham, Scotland", "Birmingham, England"),
    ],
)
def test_misspellings_suggest_the_close_name(text, suggestion):
    with pytest.raises(PlaceNotFound) as caught:
        find_place(text)

    assert caught.value.suggestion == suggestion
    assert caught.value.message.endswith(f"Did you mean {suggestion}?")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "xyzzy plugh",
        "09001",  # a military ZIP, listed with coordinates 0,0
        "00000",
        "ZZ9 9ZZ",
        "Texas",
        "UK",
        "x" * 10_000,
        "Portland " * 500,
        "'; DROP TABLE places; --",
        "%_%",
        ".*",
        "(?P<x>a)|[",
        "\\",
        "\x00",
        "\ud800",
        ",,,",
        "🏠",
        "Mánchéster, Ængland",
    ],
)
def test_garbage_gets_a_plain_not_found(text):
    with pytest.raises(PlaceNotFound) as caught:
        find_place(text)

    assert caught.value.message
    assert len(caught.value.message) < 200


def test_a_zip_with_no_coordinates_is_unknown_not_at_zero_zero():
    with pytest.raises(PlaceNotFound, match="ZIP code 09001"):
        find_place("09001")


place_words = st.sampled_from(
    ["Portland", "Birmingham", "London", "SW1A", "1AA", "90210", "OR", "UK", "St", ",", "-"]
)


def outcome(text: str) -> Place | PlaceNotFound:
    """The place found, or the lookup error; any other exception escapes."""
    try:
        return find_place(text, prefer_country="US")
    except PlaceNotFound as error:
        return error


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), st.lists(place_words).map(" ".join)))
def test_any_text_finds_a_place_or_says_why_in_plain_words(text):
    result = outcome(text)

    if isinstance(result, Place):
        assert -90 <= result.latitude <= 90
        assert -180 <= result.longitude <= 180
    else:
        assert result.message


@pytest.mark.parametrize(
    "text",
    ["90210", "02139-4307", "Portland, ME", "SW1A 1AA", "M1", "E1", "Leeds, England", "NYC"],
)
def test_a_places_own_label_finds_it_again(text):
    # Forms show a saved place by its label; saving the form again must work.
    place = find_place(text, prefer_country="US")

    assert find_place(place.label, prefer_country="US") == place


def test_distance_between_new_york_and_los_angeles():
    new_york, los_angeles = (40.7128, -74.0060), (34.0522, -118.2437)

    assert distance_miles(new_york, los_angeles) == pytest.approx(2445.6, abs=2)
    assert distance_miles(los_angeles, new_york) == distance_miles(new_york, los_angeles)
    assert distance_miles(new_york, new_york) == 0


def test_distance_between_two_found_places():
    london = find_place("London").point
    manchester = find_place("Manchester", prefer_country="GB").point

    assert distance_miles(london, manchester) == pytest.approx(163, abs=3)


def test_attribution_credits_both_licences():
    assert "Open Government Licence v3.0" in ATTRIBUTION
    assert "Ordnance Survey" in ATTRIBUTION
    assert "Royal Mail" in ATTRIBUTION
    assert "Office for National Statistics" in ATTRIBUTION
    assert "GeoNames" in ATTRIBUTION
    assert "Creative Commons Attribution 4.0" in ATTRIBUTION


class WhereForm(forms.Form):
    where = PlaceField(prefer_country=None)


def test_place_field_cleans_to_a_place():
    form = WhereForm(data={"where": "Portland, ME"})

    assert form.is_valid()
    assert form.cleaned_data["where"].label == "Portland, ME"


def test_place_field_suggests_a_close_name_and_keeps_what_was_typed():
    form = WhereForm(data={"where": "Manchestr"})

    assert not form.is_valid()
    assert form.errors["where"] == ["We couldn't find 'Manchestr'. Did you mean Manchester?"]
    assert 'value="Manchestr"' in str(form["where"])


def test_place_field_reads_a_shared_name_as_the_likeliest_and_keeps_the_reading():
    form = WhereForm(data={"where": "Birmingham"})

    assert form.is_valid()
    assert form.cleaned_data["where"].label == "Birmingham, England"
    assert form.fields["where"].reading.others[0].text == "Birmingham, AL"
    assert [reading.typed for reading in form_readings(form)] == ["Birmingham"]
    assert 'value="Birmingham"' in str(form["where"])


def test_place_field_asks_for_a_place_when_required_and_empty():
    form = WhereForm(data={"where": "  "})

    assert not form.is_valid()
    assert form.errors["where"] == ["Type a town or city, a ZIP code or a postcode."]


def test_place_field_refuses_absurdly_long_text_in_plain_words():
    form = WhereForm(data={"where": "Portland " * 50})

    assert not form.is_valid()
    assert form.errors["where"][0].startswith("That is too long for a place.")


def test_optional_place_field_cleans_empty_to_none():
    field = PlaceField(required=False)

    assert field.clean("") is None


def test_place_field_prefers_the_country_it_is_given_or_asked_for():
    assert PlaceField(prefer_country="GB").clean("Birmingham").label == "Birmingham, England"
    assert PlaceField(prefer_country=lambda: "US").clean("Birmingham").label == "Birmingham, AL"


def test_place_field_defaults_to_the_site_country(settings):
    settings.PLACES_DEFAULT_COUNTRY = "GB"

    assert PlaceField().clean("Birmingham").label == "Birmingham, England"


def test_place_field_shows_an_initial_place_by_its_label():
    initial = find_place("Portland, ME")
    form = WhereForm(initial={"where": initial})

    assert 'value="Portland, ME"' in str(form["where"])
    assert not WhereForm(initial={"where": initial}, data={"where": "Portland, ME"}).has_changed()


@pytest.mark.parametrize(
    ("country", "admin1", "name"),
    [
        ("US", "OH", "Ohio"),
        ("US", "DC", "District of Columbia"),
        ("US", "NY", "New York"),
        ("GB", "England", "England"),
        ("GB", "Northern Ireland", "Northern Ireland"),
    ],
)
def test_regions_have_names_people_read(country, admin1, name):
    assert region_name(country, admin1) == name
