"""Saving a search as an alert, and changing, pausing and deleting it: the pages,
with every kind of bad input answered next to its field and in the error summary."""

import pytest
from django.urls import reverse

from candidates.alerts.models import MAX_ALERTS_PER_PERSON, Alert, AlertMatch, Frequency
from candidates.alerts.services import alert_create
from jobs.search.queries import Near, PostingQuery
from tests.alerts.factories import AlertFactory, PausedAlertFactory
from tests.factories import PublishedPostingFactory, UserFactory
from tests.html import assert_form_errors, field_error, parse

pytestmark = pytest.mark.django_db

SEARCH = {
    "q": "Peer support",
    "place": "Columbus, OH",
    "radius": "10",
    "category": "peer-support",
    "after_offer": "on",
    "frequency": "daily",
}


@pytest.fixture
def person(client):
    user = UserFactory()
    client.force_login(user)
    return user


def test_saving_a_search_keeps_its_words_filters_place_and_radius(client, person):
    response = client.post("/alerts/new/", SEARCH)

    [alert] = Alert.objects.filter(owner=person)
    assert alert.text == "Peer support"
    assert alert.filters == {"category": "peer-support"}
    assert alert.flags == ["after_offer"]
    assert (alert.place_label, alert.radius_miles) == ("Columbus, OH", 10)
    assert alert.latitude == pytest.approx(39.96, abs=0.05)
    assert alert.frequency == Frequency.DAILY
    assert alert.name.startswith("“Peer support” within 10 miles of Columbus, OH")
    # Back to the very search, with a message that says it worked.
    assert response.status_code == 302
    assert response["Location"].startswith("/jobs/?q=Peer+support&place=Columbus")
    page = parse(client.get(response["Location"]))
    assert "Your job alert" in page.select_one(".messages, [role=status]").get_text()


def test_an_alert_with_a_shared_place_name_saves_the_likeliest_and_says_so(
    client, person, settings
):
    settings.PLACES_DEFAULT_COUNTRY = "US"
    response = client.post(
        "/alerts/new/", {**SEARCH, "place": "Glasgow", "hide_remote": "on"}, follow=True
    )

    [alert] = Alert.objects.filter(owner=person)
    assert (alert.place_label, alert.place_country, alert.place_region) == (
        "Glasgow, Scotland",
        "GB",
        "Scotland",
    )
    assert alert.include_remote is False
    assert "hide_remote=on" in response.redirect_chain[-1][0]
    messages = [m.get_text(" ", strip=True) for m in parse(response).select(".message")]
    assert any("We took 'Glasgow' to mean Glasgow, Scotland." in m for m in messages), messages
    # Changing it shows the place as saved, and "hide remote jobs" still ticked.
    form = parse(client.get(f"/alerts/{alert.pk}/edit/"))
    assert form.select_one("form.form input[name=place]")["value"] == "Glasgow, Scotland"
    assert form.select_one("form.form input[name=hide_remote]").has_attr("checked")


def test_an_empty_search_can_be_saved_as_an_alert_for_every_new_job(client, person):
    client.post("/alerts/new/", {"frequency": "instant"})

    [alert] = Alert.objects.filter(owner=person)
    assert alert.query == PostingQuery()
    assert alert.name == "All jobs"


def test_signing_in_first_leads_back_to_the_search(client):
    response = client.post("/alerts/new/", {**SEARCH, "page": "3", "sort": "newest"})

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/jobs/")
    assert "Peer" in response["Location"]
    assert not Alert.objects.exists()


def test_saving_is_only_by_post(client, person):
    assert client.get("/alerts/new/", SEARCH).status_code == 405
    assert not Alert.objects.exists()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"frequency": ""}, "frequency", "Choose how often we email you"),
        ({"frequency": "hourly"}, "frequency", "Choose how often we email you"),
        ({"place": "Nowhereville Zzyzx"}, "place", ""),
        ({"radius": "7"}, "radius", "Choose a distance from the list."),
        ({"category": "astronaut"}, "category", "Choose one of the options in the list."),
        ({"credential": "no-such-credential"}, "credential", "Choose one of the options"),
        ({"name": "n" * 101}, "name", "Use a shorter name"),
    ],
)
def test_bad_input_shows_the_whole_form_with_the_problem_marked_and_nothing_lost(
    client, person, change, field, message
):
    response = client.post("/alerts/new/", {**SEARCH, **change})

    page = assert_form_errors(response, field)
    assert message in field_error(page, field)
    assert not Alert.objects.exists()
    # What was fine is still there, to send again.
    if field != "q":
        assert page.select_one("form.form input[name=q]")["value"] == "Peer support"
    if field != "category":
        chosen = page.select_one("form.form select[name=category] option[selected]")
        assert chosen["value"] == "peer-support"
    assert page.select_one("input[name=after_offer]").has_attr("checked")
    assert page.select_one("form.form")["action"] == "/alerts/new/"


def test_too_many_words_are_shown_next_to_the_words(client, person):
    # (assert_form_errors would find the site header's search box first: same name.)
    response = client.post("/alerts/new/", {**SEARCH, "q": "x" * 201})

    page = parse(response)
    assert page.title.get_text().startswith("Error: ")
    field = page.select_one("form.form input[name=q]")
    assert field["aria-invalid"] == "true"
    assert "Use fewer words" in field.find_parent(class_="field").select_one(".field-error").text
    assert page.select_one(f'.error-summary a[href="#{field["id"]}"]')
    assert not Alert.objects.exists()


def test_the_same_search_twice_is_refused_with_the_name_of_the_first(client, person):
    client.post("/alerts/new/", SEARCH)
    response = client.post(
        "/alerts/new/", {**SEARCH, "frequency": "weekly", "q": " peer  support "}
    )

    assert response.status_code == 200
    summary = parse(response).select_one(".error-summary").get_text(" ", strip=True)
    assert "You already have an alert for this search" in summary
    assert Alert.objects.filter(owner=person).count() == 1


def test_a_26th_alert_is_refused_in_plain_words(client, person):
    for n in range(MAX_ALERTS_PER_PERSON):
        alert_create(owner=person, query=PostingQuery(text=f"cook {n}"))

    response = client.post("/alerts/new/", SEARCH)

    summary = parse(response).select_one(".error-summary").get_text(" ", strip=True)
    assert f"You have {MAX_ALERTS_PER_PERSON} job alerts" in summary
    assert Alert.objects.filter(owner=person).count() == MAX_ALERTS_PER_PERSON


def test_the_list_shows_only_your_own_alerts_with_their_search_in_words(client, person):
    alert_create(
        owner=person,
        query=PostingQuery(text="forklift", filters={"category": "warehouse-logistics"}),
    )
    AlertFactory(name="Somebody else's alert")

    page = parse(client.get("/alerts/"))

    text = page.get_text(" ", strip=True)
    assert "“forklift”" in text
    assert "Somebody else's alert" not in text


def test_changing_an_alert_changes_its_search_and_forgets_unsent_matches_only(client, person):
    alert = alert_create(owner=person, query=PostingQuery(text="cook"), frequency="daily")
    sent = AlertMatch.objects.create(alert=alert, posting=PublishedPostingFactory())
    sent.sent_at = sent.matched_at
    sent.save()
    AlertMatch.objects.create(alert=alert, posting=PublishedPostingFactory())

    form = parse(client.get(f"/alerts/{alert.pk}/edit/"))
    assert form.select_one("form.form input[name=q]")["value"] == "cook"
    response = client.post(
        f"/alerts/{alert.pk}/edit/",
        {
            "q": "night cook",
            "place": "Leeds, England",
            "radius": "25",
            "name": "",
            "frequency": "weekly",
        },
    )

    assert response.status_code == 302
    alert.refresh_from_db()
    assert alert.query == PostingQuery(
        text="night cook",
        near=Near(
            alert.latitude,
            alert.longitude,
            25,
            alert.place_label,
            country="GB",
            region="England",
        ),
    )
    assert alert.place_label.startswith("Leeds")
    assert alert.frequency == Frequency.WEEKLY
    assert alert.name.startswith("“night cook” within 25 miles of Leeds")
    # A posting already sent stays sent (never again); one not sent yet was for the old search.
    assert list(alert.matches.all()) == [sent]


def test_changing_only_the_name_keeps_what_is_waiting_for_the_digest(client, person):
    alert = alert_create(owner=person, query=PostingQuery(text="cook"), frequency="daily")
    AlertMatch.objects.create(alert=alert, posting=PublishedPostingFactory())

    client.post(
        f"/alerts/{alert.pk}/edit/", {"q": "cook", "name": "Kitchen jobs", "frequency": "daily"}
    )

    alert.refresh_from_db()
    assert alert.name == "Kitchen jobs"
    assert alert.matches.count() == 1


def test_a_bad_change_is_shown_next_to_its_field_and_changes_nothing(client, person):
    alert = alert_create(owner=person, query=PostingQuery(text="cook"))

    response = client.post(
        f"/alerts/{alert.pk}/edit/", {"q": "baker", "place": "Zzyzx Qqq", "frequency": "daily"}
    )

    page = assert_form_errors(response, "place")
    assert page.select_one("form.form input[name=q]")["value"] == "baker"
    assert page.select_one("form.form")["action"] == f"/alerts/{alert.pk}/edit/"
    alert.refresh_from_db()
    assert (alert.text, alert.frequency) == ("cook", Frequency.INSTANT)


def test_changing_to_a_search_you_already_have_is_refused(client, person):
    alert_create(owner=person, query=PostingQuery(text="baker"))
    alert = alert_create(owner=person, query=PostingQuery(text="cook"))

    response = client.post(f"/alerts/{alert.pk}/edit/", {"q": "bakers", "frequency": "daily"})

    summary = parse(response).select_one(".error-summary").get_text(" ", strip=True)
    assert "You already have an alert for this search" in summary
    alert.refresh_from_db()
    assert alert.text == "cook"


def test_pause_resume_and_delete(client, person):
    alert = alert_create(owner=person, query=PostingQuery(text="cook"))

    client.post(f"/alerts/{alert.pk}/pause/")
    alert.refresh_from_db()
    assert alert.is_paused
    assert "Paused" in parse(client.get("/alerts/")).get_text()

    client.post(f"/alerts/{alert.pk}/resume/")
    alert.refresh_from_db()
    assert not alert.is_paused

    confirm = client.get(f"/alerts/{alert.pk}/delete/")
    assert "Delete “" in confirm.content.decode()
    assert Alert.objects.filter(pk=alert.pk).exists()
    client.post(f"/alerts/{alert.pk}/delete/")
    assert not Alert.objects.filter(pk=alert.pk).exists()


@pytest.mark.parametrize("action", ["pause", "resume"])
def test_pausing_and_resuming_are_only_by_post(client, person, action):
    alert = PausedAlertFactory(owner=person) if action == "resume" else AlertFactory(owner=person)

    assert client.get(f"/alerts/{alert.pk}/{action}/").status_code == 405


@pytest.mark.parametrize("action", ["edit", "pause", "resume", "delete"])
def test_someone_elses_alert_is_not_found_and_unchanged(client, person, action):
    theirs = AlertFactory(name="Theirs")

    response = client.post(f"/alerts/{theirs.pk}/{action}/", {"q": "x", "frequency": "daily"})

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert (theirs.name, theirs.is_paused, theirs.text) == ("Theirs", False, "")


@pytest.mark.parametrize("path", ["/alerts/", "/alerts/1/edit/", "/alerts/1/delete/"])
def test_alert_pages_ask_to_sign_in(client, path):
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_dashboard_links_to_your_alerts(client, person):
    alert_create(owner=person, query=PostingQuery(text="cook"))

    page = parse(client.get(reverse("accounts:dashboard")))

    assert "You have 1 job alert" in page.get_text(" ", strip=True)
    assert page.select_one('a[href="/alerts/"]')
