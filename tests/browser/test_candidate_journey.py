"""Journeys 2 (in part) and 8: a job seeker builds a profile, uploads a CV, sets
private preferences, downloads their data, deletes the preferences and then the
account. Adding a job works with JavaScript switched off, too."""

import io
import json
import re
import zipfile

import pytest
from playwright.sync_api import expect

from candidates.models import CandidateProfile, PrivatePreferences
from fairsite.accounts.models import User
from tests.browser.conftest import assert_accessible, sign_in
from tests.candidates.files import minimal_pdf
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_job_seeker_builds_a_profile_and_then_takes_everything_away(
    page, live_server, home_page, seeded_credentials, private_media
):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    user = UserFactory(first_name="Sam")
    sign_in(page, user, live_server)

    page.goto("/dashboard/")
    assert_accessible(page)
    page.get_by_role("main").get_by_role("link", name="Make your profile").click()

    # The profile.
    expect(page.get_by_role("heading", level=1)).to_have_text("Your profile")
    assert_accessible(page)
    page.get_by_label("I am looking for a job").check()
    page.get_by_label("Headline").fill("Forklift driver with 5 years in warehouses")
    page.get_by_label("Skills").fill("forklift, stock control")
    page.get_by_label("Warehouse and logistics").check()
    page.get_by_label("Full time").check()
    page.get_by_label("Where you live").fill("Columbus, OH")
    page.get_by_label("25 miles").check()
    page.get_by_label("The lowest pay you would take").fill("17")
    page.get_by_label("Pay per").select_option(label="an hour")
    page.get_by_label("Within 2 weeks").check()
    page.get_by_role("button", name="Save profile").click()
    expect(page.locator(".messages")).to_contain_text("Your profile is saved")
    assert_accessible(page)

    # Jobs and training: "Add another job" is a plain submit button.
    page.get_by_role("link", name="Your jobs and training").click()
    assert_accessible(page)
    first = page.get_by_role("group", name="Job 1")
    first.get_by_label("Employer").fill("Parcel & Pallet Ltd")
    first.get_by_label("Job title").fill("Picker packer")
    first.get_by_role("group", name="When you started").get_by_label("Month").select_option(
        label="March"
    )
    first.get_by_role("group", name="When you started").get_by_label("Year").fill("2019")
    first.get_by_role("group", name="When you left").get_by_label("Month").select_option(
        label="June"
    )
    first.get_by_role("group", name="When you left").get_by_label("Year").fill("2023")
    page.get_by_role("button", name="Add another job").click()

    second = page.get_by_role("group", name="Job 2")
    expect(second).to_be_visible()
    expect(page.get_by_role("group", name="Job 1").get_by_label("Employer")).to_have_value(
        "Parcel & Pallet Ltd"
    )
    assert_accessible(page)
    second.get_by_label("Employer").fill("Riverside Kitchens")
    second.get_by_label("Job title").fill("Line cook")
    second.get_by_role("group", name="When you started").get_by_label("Month").select_option(
        label="August"
    )
    second.get_by_role("group", name="When you started").get_by_label("Year").fill("2023")
    second.get_by_label("I still work here").check()
    course = page.get_by_role("group", name="Course 1")
    course.get_by_label("School, college or training provider").fill("Columbus State")
    course.get_by_label("Course or qualification").fill("Forklift licence")
    course.get_by_label("I am still doing this").check()
    page.get_by_role("button", name="Save jobs and training").click()
    expect(page.locator(".messages")).to_contain_text("Your jobs and training are saved")
    profile = CandidateProfile.objects.get(user=user)
    assert list(profile.experience.values_list("title", flat=True)) == [
        "Picker packer",
        "Line cook",
    ]

    # The CV.
    page.get_by_role("link", name="Your CV").first.click()
    assert_accessible(page)
    page.get_by_label("Your CV").set_input_files(
        {"name": "Sam CV.pdf", "mimeType": "application/pdf", "buffer": minimal_pdf()}
    )
    page.get_by_role("button", name="Upload CV").click()
    expect(page.locator(".messages")).to_contain_text("Your CV is saved")
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download your CV").click()
    assert download.value.suggested_filename == "cv.pdf"
    with open(download.value.path(), "rb") as handle:
        assert handle.read() == minimal_pdf()

    # Private fair-chance preferences.
    page.goto("/dashboard/")
    page.get_by_role("link", name=re.compile("fair-chance preferences")).click()
    assert_accessible(page)
    page.get_by_label("Only show employers who check records after a job offer, or never").check()
    page.get_by_label("No enhanced checks").check()
    page.get_by_label("Jobs where you drive").check()
    page.get_by_label(re.compile("Time off on weekdays for appointments")).check()
    page.get_by_role("button", name="Save my preferences").click()
    expect(page.locator(".messages")).to_contain_text("Your preferences are saved")
    assert_accessible(page)
    assert PrivatePreferences.objects.filter(user=user).exists()

    # Everything, as one download.
    page.goto("/dashboard/")
    page.get_by_role("link", name="Download all your data").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your password again")
    assert_accessible(page)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Download all your data")
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download your data").click()
    archive = zipfile.ZipFile(io.BytesIO(open(download.value.path(), "rb").read()))  # noqa: SIM115
    data = json.loads(archive.read("data.json"))["data"]
    assert data["candidates.PrivatePreferences"][0]["preferences"]["avoid_duties"] == ["driving"]
    assert len(data["candidates.ExperienceEntry"]) == 2

    # The preferences go with one button.
    page.goto("/profile/preferences/")
    page.get_by_role("button", name="Delete my preferences").click()
    expect(page.locator(".messages")).to_contain_text("preferences are deleted")
    assert_accessible(page)
    assert not PrivatePreferences.objects.exists()

    # Then the whole account: the password given for the download a moment ago
    # still counts (tests/accounts/test_data_pages.py asks for it from cold).
    page.goto("/dashboard/")
    page.get_by_role("link", name="Delete your account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Delete your account")
    assert_accessible(page)
    page.get_by_role("button", name="Delete my account").click()
    expect(page.locator(".messages")).to_contain_text("Your account and everything in it")
    assert_accessible(page)
    assert not User.objects.filter(pk=user.pk).exists()
    assert not CandidateProfile.objects.exists()
    assert not any(private_media.rglob("*.*"))

    # No preference ever travelled in an address.
    for url in requested:
        for word in ("driving", "standard", "after_offer", "flexible", "check"):
            assert word not in url.lower(), url


def test_adding_another_job_needs_no_javascript(page_without_js, live_server):
    page = page_without_js
    user = UserFactory()
    sign_in(page, user, live_server)

    page.goto("/profile/experience/")
    first = page.get_by_role("group", name="Job 1")
    first.get_by_label("Employer").fill("Parcel & Pallet Ltd")
    first.get_by_label("Job title").fill("Picker packer")
    started = first.get_by_role("group", name="When you started")
    started.get_by_label("Month").select_option(label="March")
    started.get_by_label("Year").fill("2019")
    first.get_by_label("I still work here").check()
    page.get_by_role("button", name="Add another job").click()

    expect(page.get_by_role("group", name="Job 2")).to_be_visible()
    expect(page.get_by_role("group", name="Job 1").get_by_label("Employer")).to_have_value(
        "Parcel & Pallet Ltd"
    )
    entry = CandidateProfile.objects.get(user=user).experience.get()
    assert entry.is_current
