"""Jobs and training: repeating sections with "Add another" that needs no JavaScript."""

from datetime import date

import pytest

from candidates.models import EducationEntry, ExperienceEntry
from tests.factories import CandidateProfileFactory, ExperienceEntryFactory, UserFactory
from tests.html import assert_form_errors, field_error, parse

pytestmark = pytest.mark.django_db


def management(prefix: str, total: int, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "20",
    }


def job(index: int, **fields) -> dict:
    values = {
        "employer": "Parcel & Pallet Ltd",
        "title": "Picker packer",
        "started_on_month": "3",
        "started_on_year": "2019",
        "ended_on_month": "6",
        "ended_on_year": "2023",
        **fields,
    }
    return {f"experience-{index}-{name}": value for name, value in values.items()}


def course(index: int, **fields) -> dict:
    values = {
        "provider": "Columbus State Community College",
        "qualification": "Forklift licence",
        "ended_on_month": "1",
        "ended_on_year": "2020",
        **fields,
    }
    return {f"education-{index}-{name}": value for name, value in values.items()}


@pytest.fixture
def seeker(client):
    user = UserFactory()
    client.force_login(user)
    return user


def test_a_new_page_offers_one_empty_job_and_one_empty_course(client, seeker):
    page = parse(client.get("/profile/experience/"))

    assert page.select_one("input[name=experience-TOTAL_FORMS]")["value"] == "1"
    assert page.select_one("input[name=education-TOTAL_FORMS]")["value"] == "1"
    legend = page.select_one("fieldset.entry legend")
    assert legend.get_text(strip=True) == "Job 1"
    # Month and year each have a visible label.
    assert page.select_one("label[for=id_experience-0-started_on_0]").get_text() == "Month"
    assert page.select_one("label[for=id_experience-0-started_on_1]").get_text() == "Year"


def test_add_another_saves_what_is_typed_and_shows_an_empty_entry(client, seeker):
    data = {
        **management("experience", 1),
        **job(0),
        **management("education", 1),
        "add_experience": "1",
    }

    response = client.post("/profile/experience/", data)

    assert response.status_code == 302
    assert response["Location"] == "/profile/experience/?add=experience#experience-new"
    entry = ExperienceEntry.objects.get(profile__user=seeker)
    assert entry.started_on == date(2019, 3, 1)
    assert entry.ended_on == date(2023, 6, 1)

    page = parse(client.get(response["Location"]))
    assert page.select_one("input[name=experience-TOTAL_FORMS]")["value"] == "2"
    assert page.select_one("input[name=experience-0-employer]")["value"] == "Parcel & Pallet Ltd"
    assert page.select_one("input[name=experience-1-employer]").get("value") is None
    assert page.select_one("#experience-new legend").get_text(strip=True) == "Job 2"


def test_add_another_with_a_mistake_keeps_everything_typed_and_adds_the_entry(client, seeker):
    data = {
        **management("experience", 1),
        **job(0, ended_on_year="2010"),
        **management("education", 1),
        **course(0),
        "add_experience": "1",
    }

    response = client.post("/profile/experience/", data)

    page = assert_form_errors(response, "experience-0-ended_on_month")
    assert "same as the start month or later" in field_error(page, "experience-0-ended_on_month")
    assert page.select_one("input[name=experience-0-employer]")["value"] == "Parcel & Pallet Ltd"
    assert page.select_one("input[name=education-0-provider]")["value"].startswith("Columbus")
    assert page.select_one("input[name=experience-TOTAL_FORMS]")["value"] == "2"
    assert not ExperienceEntry.objects.exists()
    assert not EducationEntry.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"ended_on_year": "2018"}, "ended_on", "same as the start month or later"),
        ({"ended_on_month": "", "ended_on_year": ""}, "ended_on", "tick 'i still work here'"),
        ({"is_current": "on"}, "ended_on", "leave the end month empty"),
        ({"started_on_year": str(date.today().year + 1)}, "started_on", "in the future"),
        ({"started_on_year": "19"}, "started_on", "from 1940"),
        ({"started_on_year": "twenty"}, "started_on", "4 numbers"),
        ({"started_on_month": ""}, "started_on", "both the month and the year"),
        ({"started_on_month": "13"}, "started_on", "choose a month"),
        ({"employer": ""}, "employer", "required"),
        ({"title": "x" * 151}, "title", "at most 150"),
    ],
)
def test_a_bad_job_is_refused_with_a_message_and_nothing_is_saved(
    client, seeker, fields, field, words
):
    data = {**management("experience", 1), **job(0, **fields), **management("education", 0)}

    response = client.post("/profile/experience/", data)

    name = f"experience-0-{field}" + ("_month" if field.endswith("_on") else "")
    page = assert_form_errors(response, name)
    assert words in field_error(page, name).lower()
    assert not ExperienceEntry.objects.exists()


def test_a_course_needs_no_start_date_but_a_finish_or_still_doing_it(client, seeker):
    data = {
        **management("experience", 0),
        **management("education", 2),
        **course(0, ended_on_month="", ended_on_year="", is_current="on"),
        **course(1, provider="HMP Grendon education", qualification="Level 2 English"),
        "save": "1",
    }

    response = client.post("/profile/experience/", data)

    assert response.status_code == 302
    rows = list(EducationEntry.objects.filter(profile__user=seeker))
    assert [row.is_current for row in rows] == [True, False]
    assert rows[1].provider == "HMP Grendon education"
    assert rows[0].started_on is None


def test_entries_can_be_removed_and_untouched_empty_entries_are_ignored(client):
    profile = CandidateProfileFactory()
    ExperienceEntryFactory(profile=profile, title="Kitchen porter", position=0)
    ExperienceEntryFactory(profile=profile, title="Cleaner", position=1)
    client.force_login(profile.user)
    data = {
        **management("experience", 3, initial=2),
        **job(0, title="Kitchen porter"),
        **job(1, title="Cleaner", DELETE="on"),
        **{f"experience-2-{name}": "" for name in ("employer", "title")},
        **management("education", 1),
        "save": "1",
    }

    response = client.post("/profile/experience/", data)

    assert response.status_code == 302
    assert list(profile.experience.values_list("title", flat=True)) == ["Kitchen porter"]


def test_no_more_than_twenty_jobs(client, seeker):
    data = {**management("experience", 21), **management("education", 0)}
    for index in range(21):
        data.update(job(index))

    response = client.post("/profile/experience/", data)

    assert response.status_code == 200
    assert "up to 20" in parse(response).select_one(".error-summary").get_text()
    assert not ExperienceEntry.objects.exists()


def test_the_page_needs_a_signed_in_person(client):
    response = client.get("/profile/experience/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
