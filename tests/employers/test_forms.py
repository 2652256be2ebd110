"""Every employer form refuses bad input with a message by the field and a summary."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from employers.models import Employer, FairChancePolicy
from tests.factories import EmployerUserFactory, OwnerFactory
from tests.html import assert_form_errors, field_error

pytestmark = pytest.mark.django_db

GOOD = {"name": "Bright Futures Bakery", "industry": "hospitality", "size": "10-49"}


def png(width=40, height=40) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def signed_in(client):
    client.force_login(EmployerUserFactory())
    return client


def test_a_good_organisation_is_created_with_its_places_and_logo(signed_in):
    logo = SimpleUploadedFile("logo.png", png(), content_type="image/png")
    response = signed_in.post(
        "/hire/new/", {**GOOD, "locations": "Columbus, OH\n10001", "logo": logo}
    )

    employer = Employer.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/hire/{employer.slug}/policy/"
    assert [loc.country for loc in employer.locations.all()] == ["US", "US"]
    assert employer.logo.name.endswith(".png")


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        ({"name": ""}, "name", "required"),
        ({"website": "javascript:alert(1)"}, "website", "http"),
        ({"website": "ftp://files.example.org"}, "website", "http"),
        ({"industry": "piracy"}, "industry", "valid choice"),
        ({"locations": "Qwertyville Zzz"}, "locations", "couldn"),
    ],
)
def test_bad_organisation_details_are_refused_and_nothing_is_created(signed_in, data, field, words):
    response = signed_in.post("/hire/new/", {**GOOD, **data})

    page = assert_form_errors(response, field)
    assert words in field_error(page, field).lower()
    assert not Employer.objects.exists()


@pytest.mark.parametrize(
    ("upload", "words"),
    [
        (
            SimpleUploadedFile("logo.png", b"MZ\x90\x00 not an image", content_type="image/png"),
            "image",
        ),
        (
            SimpleUploadedFile("logo.gif", b"GIF89a" + b"\x00" * 20, content_type="image/gif"),
            "image",
        ),
        (
            SimpleUploadedFile(
                "huge.png", png(4000, 4000) + b"\x00" * (2 * 1024 * 1024), content_type="image/png"
            ),
            "too big",
        ),
    ],
)
def test_a_logo_that_is_not_a_small_image_is_refused(signed_in, upload, words):
    response = signed_in.post("/hire/new/", {**GOOD, "logo": upload})

    page = assert_form_errors(response, "logo")
    assert words in field_error(page, "logo").lower()
    assert not Employer.objects.exists()


def test_the_typed_values_are_kept_after_an_error(signed_in):
    response = signed_in.post("/hire/new/", {**GOOD, "website": "nope://x", "about": "We bake."})

    page = assert_form_errors(response, "website")
    assert page.select_one("[name=name]")["value"] == GOOD["name"]
    assert page.select_one("[name=about]").get_text().strip() == "We bake."


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"check_timing": "", "check_level": "basic"}, "check_timing"),
        ({"check_timing": "sometimes", "check_level": "basic"}, "check_timing"),
        ({"check_timing": "never", "check_level": "enhanced"}, "check_level"),
        (
            {"check_timing": "after_offer", "check_level": "basic", "pledges": ["made_up"]},
            "pledges",
        ),
        (
            {"check_timing": "after_offer", "check_level": "basic", "exclusions": ["driving:lies"]},
            "exclusions",
        ),
    ],
)
def test_bad_policy_choices_are_refused_and_nothing_is_saved(client, data, field):
    owner = OwnerFactory(employer__with_policy=False)
    client.force_login(owner.user)

    response = client.post(f"/hire/{owner.employer.slug}/policy/", data)

    assert_form_errors(response, field)
    assert not FairChancePolicy.objects.exists()


def test_an_invitation_to_a_bad_address_is_refused(client):
    owner = OwnerFactory()
    client.force_login(owner.user)

    response = client.post(
        f"/hire/{owner.employer.slug}/team/", {"email": "not-an-address", "role": "recruiter"}
    )

    assert_form_errors(response, "email")
    assert not owner.employer.invitations.exists()


def test_inviting_someone_who_is_already_a_member_is_refused(client):
    owner = OwnerFactory()
    client.force_login(owner.user)

    response = client.post(
        f"/hire/{owner.employer.slug}/team/", {"email": owner.user.email, "role": "recruiter"}
    )

    page = assert_form_errors(response, "email")
    assert "already a member" in field_error(page, "email")
