"""The S3_* variables: local disk without them, both buckets on the store with
them, and one clear line (never a secret) for a setting that can't work."""

import pytest

from fairsite.settings.storage import LOCAL_STORAGES, storages_from
from tests.site.test_settings import production_env, run_manage  # noqa: F401 (a fixture)

FULL = {
    "S3_ENDPOINT_URL": "https://s3.example.org",
    "S3_REGION": "eu-west-2",
    "S3_ACCESS_KEY_ID": "AKIAEXAMPLE",
    "S3_SECRET_ACCESS_KEY": "not-a-real-secret",
    "S3_MEDIA_BUCKET": "fairchance-media",
    "S3_PRIVATE_BUCKET": "fairchance-private",
}


def test_without_any_variable_uploads_stay_on_the_local_disk():
    assert storages_from({}) == LOCAL_STORAGES
    assert storages_from(dict.fromkeys(FULL, "")) == LOCAL_STORAGES


def test_with_both_buckets_public_and_private_files_go_to_their_own_buckets():
    chosen = storages_from(FULL)

    media, private = chosen["default"], chosen["private"]
    assert media["BACKEND"] == "storages.backends.s3.S3Storage"
    assert private["BACKEND"] == "fairsite.private_s3_storage.PrivateS3Storage"
    assert media["OPTIONS"]["bucket_name"] == "fairchance-media"
    assert private["OPTIONS"]["bucket_name"] == "fairchance-private"
    for options in (media["OPTIONS"], private["OPTIONS"]):
        assert options["endpoint_url"] == "https://s3.example.org"
        assert options["region_name"] == "eu-west-2"
        assert options["addressing_style"] == "path"
        assert options["file_overwrite"] is False
        assert options["default_acl"] is None
    # Public files get plain, cacheable URLs; private files get none at all.
    assert media["OPTIONS"]["querystring_auth"] is False


def test_a_public_address_for_the_media_bucket_is_used_for_its_urls():
    chosen = storages_from({**FULL, "S3_MEDIA_URL": "https://media.example.org/uploads/"})

    assert chosen["default"]["OPTIONS"]["custom_domain"] == "media.example.org/uploads"
    assert chosen["default"]["OPTIONS"]["url_protocol"] == "https:"
    assert "custom_domain" not in chosen["private"]["OPTIONS"]


def test_amazon_s3_needs_no_endpoint_and_the_key_may_come_from_boto3s_own_chain():
    plain = {"S3_MEDIA_BUCKET": "media", "S3_PRIVATE_BUCKET": "private"}

    options = storages_from(plain)["private"]["OPTIONS"]

    assert options["endpoint_url"] is None
    assert options["addressing_style"] is None
    assert options["access_key"] is None
    assert options["region_name"] == "us-east-1"


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"S3_PRIVATE_BUCKET": ""}, "both S3_MEDIA_BUCKET and S3_PRIVATE_BUCKET"),
        ({"S3_MEDIA_BUCKET": ""}, "both S3_MEDIA_BUCKET and S3_PRIVATE_BUCKET"),
        ({"S3_PRIVATE_BUCKET": "fairchance-media"}, "must differ from S3_MEDIA_BUCKET"),
        ({"S3_SECRET_ACCESS_KEY": ""}, "both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY"),
        ({"S3_ENDPOINT_URL": "ftp://s3.example.org"}, "S3_ENDPOINT_URL must start with"),
        ({"S3_ADDRESSING_STYLE": "sideways"}, "S3_ADDRESSING_STYLE must be path or virtual"),
        ({"S3_MEDIA_URL": "media.example.org"}, "S3_MEDIA_URL must be an address"),
    ],
)
def test_a_storage_setting_that_cannot_work_stops_start_up_clearly(change, words):
    with pytest.raises(SystemExit, match=words):
        storages_from({**FULL, **change})


def test_a_lone_variable_does_not_silently_fall_back_to_the_local_disk():
    with pytest.raises(SystemExit, match="S3_PRIVATE_BUCKET"):
        storages_from({"S3_ENDPOINT_URL": "https://s3.example.org"})


def test_production_starts_with_the_storage_variables_and_names_a_bad_one_without_secrets(
    production_env,  # noqa: F811
):
    production_env.update(FULL)

    checked = run_manage("check", "--deploy", "--fail-level", "WARNING", env=production_env)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    production_env["S3_ACCESS_KEY_ID"] = ""
    refused = run_manage("check", env=production_env)
    assert refused.returncode == 1
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Settings error: set both S3_ACCESS_KEY_ID and")
    assert "not-a-real-secret" not in refused.stderr
