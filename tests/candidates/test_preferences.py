"""Fair-chance preferences: opt-in, encrypted at rest, and seen by nobody but their owner."""

import logging

import pytest
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.core.management import call_command
from django.db import connection

from candidates.encryption import PreferencesUnreadable, decrypt_preferences
from candidates.models import CandidateProfile, PrivatePreferences
from candidates.preferences import FairChancePreferences
from candidates.selectors import preferences_for
from candidates.services import preferences_delete, preferences_save
from tests.factories import PASSWORD, CandidateProfileFactory, UserFactory
from tests.html import assert_form_errors, parse

pytestmark = pytest.mark.django_db

CHOICES = {
    "only_checks_after_offer": "on",
    "highest_check_level": "basic",
    "avoid_duties": ["driving", "vulnerable_adults", "cash"],
    "needs_support": ["flexible_hours"],
    "only_ignores_spent_convictions": "on",
}
CHOSEN = FairChancePreferences(
    only_checks_after_offer=True,
    highest_check_level="basic",
    avoid_duties=("cash", "driving", "vulnerable_adults"),
    needs_support=("flexible_hours",),
    only_ignores_spent_convictions=True,
)
# Every value that could give a choice away, as stored and as shown.
TELLTALES = [
    "only_checks_after_offer",
    "highest_check_level",
    "avoid_duties",
    "needs_support",
    "only_ignores_spent",
    "vulnerable_adults",
    "flexible_hours",
    "driving",
    "basic",
    "cash",
]


@pytest.fixture
def seeker(client):
    user = UserFactory()
    client.force_login(user)
    return user


def raw_ciphertext(user) -> str:
    table = PrivatePreferences._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT ciphertext FROM {table} WHERE user_id = %s", [user.pk])  # noqa: S608
        return cursor.fetchone()[0]


def test_saved_preferences_come_back_for_their_owner(client, seeker):
    response = client.post("/profile/preferences/", CHOICES)

    assert response.status_code == 302
    assert response["Location"] == "/profile/preferences/"
    assert preferences_for(seeker) == CHOSEN
    assert preferences_for(seeker).acceptable_check_levels == ("none", "basic")
    page = parse(client.get("/profile/preferences/"))
    assert page.select_one("input[name=avoid_duties][value=driving]").has_attr("checked")
    assert page.select_one("input[name=highest_check_level][value=basic]").has_attr("checked")


def test_the_database_holds_only_ciphertext_that_the_wrong_key_cannot_open(seeker, settings):
    preferences_save(user=seeker, preferences=CHOSEN)

    stored = raw_ciphertext(seeker)

    for word in TELLTALES:
        assert word not in stored.lower()
    assert "true" not in stored.lower()
    with pytest.raises(InvalidToken):
        Fernet(Fernet.generate_key()).decrypt(stored.encode())
    settings.PREFERENCES_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(PreferencesUnreadable):
        preferences_for(seeker)


def test_the_size_of_the_ciphertext_does_not_tell_how_much_was_chosen(seeker):
    preferences_save(user=seeker, preferences=FairChancePreferences(only_checks_after_offer=True))
    small = len(raw_ciphertext(seeker))

    preferences_save(user=seeker, preferences=CHOSEN)

    assert len(raw_ciphertext(seeker)) == small


def test_ciphertext_copied_to_another_person_does_not_decrypt_for_them(seeker):
    other = UserFactory()
    preferences_save(user=seeker, preferences=CHOSEN)
    PrivatePreferences.objects.create(user=other, ciphertext=raw_ciphertext(seeker))

    with pytest.raises(PreferencesUnreadable):
        preferences_for(other)


def test_keys_rotate_newest_first_and_the_command_re_encrypts(seeker, settings):
    old_key = settings.PREFERENCES_ENCRYPTION_KEYS[0]
    preferences_save(user=seeker, preferences=CHOSEN)
    before = raw_ciphertext(seeker)
    new_key = Fernet.generate_key().decode()
    settings.PREFERENCES_ENCRYPTION_KEYS = [new_key, old_key]

    assert preferences_for(seeker) == CHOSEN
    call_command("rotate_preferences_key", verbosity=0)

    after = raw_ciphertext(seeker)
    assert after != before
    assert MultiFernet([Fernet(new_key)]).decrypt(after.encode())
    settings.PREFERENCES_ENCRYPTION_KEYS = [new_key]
    assert preferences_for(seeker) == CHOSEN


def test_no_preference_appears_in_urls_or_log_lines(client, seeker, caplog, settings):
    settings.DEBUG = False
    urls = []
    # Every logger at its most talkative, including the SQL the database runs.
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="django")
    connection.force_debug_cursor = True
    try:
        for method, url, data in [
            ("get", "/profile/preferences/", None),
            ("post", "/profile/preferences/", CHOICES),
            ("get", "/profile/preferences/", None),
            ("post", "/profile/preferences/", {**CHOICES, "avoid_duties": ["nonsense"]}),
            ("get", "/dashboard/", None),
            ("post", "/accounts/reauthenticate/", {"password": PASSWORD}),
            ("post", "/accounts/your-data/", None),
            ("post", "/profile/preferences/delete/", None),
        ]:
            response = getattr(client, method)(url, data, follow=True)
            urls.append(url)
            urls.extend(hop for hop, _status in response.redirect_chain)
            urls.append(response.request["PATH_INFO"] + "?" + response.request["QUERY_STRING"])
        preferences_for(seeker)
    finally:
        connection.force_debug_cursor = False

    logged = "\n".join(record.getMessage() for record in caplog.records).lower()
    assert "insert into" in logged  # the SQL log really was captured
    for word in TELLTALES:
        assert word not in logged
        assert not any(word in url.lower() for url in urls), urls
    assert all("?" not in url or url.endswith("?") for url in urls), urls


def test_employer_facing_pages_are_the_same_with_or_without_preferences(client):
    from tests.factories import OwnerFactory, PublishedPostingFactory

    membership = OwnerFactory()
    employer = membership.employer
    posting = PublishedPostingFactory(employer=employer)
    profile = CandidateProfileFactory()
    employer_pages = [
        f"/hire/{employer.slug}/",
        f"/hire/{employer.slug}/team/",
        f"/hire/{employer.slug}/postings/{posting.pk}/",
        f"/employers/{employer.slug}/",
        posting.get_absolute_url(),
        "/hire/",
        "/jobs/",
    ]

    def snapshot() -> list[str]:
        client.force_login(membership.user)
        pages = []
        for url in employer_pages:
            page = parse(client.get(url))
            for token in page.select("input[name=csrfmiddlewaretoken]"):
                token.decompose()
            pages.append(str(page))
        return pages

    before = snapshot()
    preferences_save(user=profile.user, preferences=CHOSEN)
    after = snapshot()

    assert before == after
    for url in (profile.get_absolute_url(), f"/candidates/{profile.public_id}/cv/"):
        assert client.get(url).status_code == 404


def test_nothing_about_preferences_is_reachable_from_the_profile():
    related = {f.related_model for f in CandidateProfile._meta.get_fields() if f.is_relation}

    assert PrivatePreferences not in related


def test_repr_str_and_errors_never_show_the_values(seeker):
    preferences_save(user=seeker, preferences=CHOSEN)
    record = PrivatePreferences.objects.get(user=seeker)

    shown = " ".join([repr(CHOSEN), str(CHOSEN), repr(record), str(record)])
    for word in TELLTALES:
        assert word not in shown.lower()
    with pytest.raises(ValueError, match="highest_check_level") as error:
        FairChancePreferences(highest_check_level="secret-level")
    assert "secret-level" not in str(error.value)
    for token, user_id in [(record.ciphertext, seeker.pk + 1), ("not-a-token", seeker.pk)]:
        with pytest.raises(PreferencesUnreadable) as unreadable:
            decrypt_preferences(token, user_id=user_id)
        # Nothing chained that could carry the decrypted text into a traceback.
        assert unreadable.value.__cause__ is None
        assert unreadable.value.__context__ is None or unreadable.value.__suppress_context__


def test_choosing_nothing_stores_nothing(client, seeker):
    client.post("/profile/preferences/", CHOICES)

    client.post("/profile/preferences/", {"highest_check_level": ""})

    assert not PrivatePreferences.objects.exists()
    assert preferences_for(seeker) is None


def test_one_button_deletes_them_with_a_confirmation(client, seeker):
    client.post("/profile/preferences/", CHOICES)
    page = parse(client.get("/profile/preferences/"))
    button_form = page.select_one("form[action='/profile/preferences/delete/']")
    assert button_form["method"] == "post"
    assert not button_form.select("input:not([type=hidden])")

    response = client.post("/profile/preferences/delete/", follow=True)

    assert not PrivatePreferences.objects.exists()
    assert "preferences are deleted" in parse(response).select_one(".messages").get_text()
    assert client.get("/profile/preferences/delete/").status_code == 405
    assert preferences_delete(user=seeker) is False


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"highest_check_level": "extreme"}, "highest_check_level"),
        ({"avoid_duties": ["piracy"]}, "avoid_duties"),
        ({"needs_support": ["a pony"]}, "needs_support"),
    ],
)
def test_a_value_not_on_the_list_is_refused_without_repeating_it(client, seeker, data, field):
    response = client.post("/profile/preferences/", {**CHOICES, **data})

    page = assert_form_errors(response, field)
    sent = data[field] if isinstance(data[field], str) else data[field][0]
    assert sent not in str(page.select_one(".error-summary"))
    assert not PrivatePreferences.objects.exists()


def test_unreadable_preferences_say_so_and_can_be_deleted(client, seeker, settings):
    preferences_save(user=seeker, preferences=CHOSEN)
    settings.PREFERENCES_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]

    page = parse(client.get("/profile/preferences/"))

    assert "can't read the preferences" in page.get_text()
    assert page.select_one("form[action='/profile/preferences/delete/']")


def test_the_page_asks_only_about_employers_never_about_a_record(client, seeker):
    page = parse(client.get("/profile/preferences/"))
    form = page.select_one("form.form")

    assert not form.select("textarea, input[type=text], input[type=date], input:not([type])")
    assert form["method"] == "post"
    assert "We never show them to employers" in page.get_text()


def test_preferences_pages_need_a_signed_in_person(client):
    for url in ("/profile/preferences/", "/profile/preferences/delete/"):
        response = client.post(url, CHOICES)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    assert not PrivatePreferences.objects.exists()
