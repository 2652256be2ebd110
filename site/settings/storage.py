"""Where uploads live: the local disk, or an S3-compatible store shared by every machine.

With no S3_* variable set, public uploads (logos, CMS images and documents) go
under MEDIA_ROOT and private files (CVs and the copies sent with applications)
under PRIVATE_MEDIA_ROOT, on this machine's disk.

With S3_MEDIA_BUCKET and S3_PRIVATE_BUCKET set, both go to an S3-compatible
store (Amazon S3, MinIO, Ceph, Garage, SeaweedFS, ...), so several web machines
and workers see the same files:

    S3_ENDPOINT_URL       the store's address; leave empty for Amazon S3
    S3_REGION             the region (default us-east-1)
    S3_ACCESS_KEY_ID      the access key; with S3_SECRET_ACCESS_KEY, or leave both
    S3_SECRET_ACCESS_KEY  empty to use boto3's own chain (instance role, ~/.aws)
    S3_MEDIA_BUCKET       public uploads; must be readable by anyone (a bucket policy)
    S3_PRIVATE_BUCKET     private files; must allow no public access at all
    S3_MEDIA_URL          optional public address of the media bucket (a CDN,
                          https://media.example.org); default: the endpoint's
    S3_ADDRESSING_STYLE   "path" or "virtual" (default: path with S3_ENDPOINT_URL,
                          boto3's choice without)

Private files never get a URL from the store: the site reads them and sends
them only after its own permission check (fairsite.private_storage).
"""

from urllib.parse import urlsplit

from .env import env_str

STORAGE_VARIABLES = (
    "S3_ENDPOINT_URL",
    "S3_REGION",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
    "S3_MEDIA_BUCKET",
    "S3_PRIVATE_BUCKET",
    "S3_MEDIA_URL",
    "S3_ADDRESSING_STYLE",
)
LOCAL_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "fairsite.private_storage.PrivateFileStorage"},
}


def s3_options(values: dict[str, str]) -> dict:
    """The options both S3 backends share, from the S3_* values (checked)."""
    access_key, secret_key = values.get("S3_ACCESS_KEY_ID"), values.get("S3_SECRET_ACCESS_KEY")
    if bool(access_key) != bool(secret_key):
        raise SystemExit(
            "Settings error: set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither "
            "(then boto3 finds credentials itself)."
        )
    endpoint = values.get("S3_ENDPOINT_URL") or None
    if endpoint and urlsplit(endpoint).scheme not in {"http", "https"}:
        raise SystemExit(
            "Settings error: S3_ENDPOINT_URL must start with http:// or https://, "
            f"not {endpoint!r}."
        )
    addressing = values.get("S3_ADDRESSING_STYLE") or ("path" if endpoint else None)
    if addressing not in {None, "path", "virtual"}:
        raise SystemExit(
            f"Settings error: S3_ADDRESSING_STYLE must be path or virtual, not {addressing!r}."
        )
    return {
        "endpoint_url": endpoint,
        "region_name": values.get("S3_REGION") or "us-east-1",
        "access_key": access_key or None,
        "secret_key": secret_key or None,
        "addressing_style": addressing,
        "signature_version": "s3v4",
        # Never replace a stored file that has the same name: two employers'
        # "logo.png" must stay two files, as on the local disk.
        "file_overwrite": False,
        # No ACL on upload: what may be read is the bucket's policy alone (many
        # stores, and S3 buckets with object ownership enforced, refuse ACLs).
        "default_acl": None,
    }


def storages_from(values: dict[str, str]) -> dict:
    """STORAGES' "default" (public uploads) and "private" entries, from the S3_* values."""
    media_bucket, private_bucket = values.get("S3_MEDIA_BUCKET"), values.get("S3_PRIVATE_BUCKET")
    if not any(values.get(name) for name in STORAGE_VARIABLES):
        return dict(LOCAL_STORAGES)
    if not (media_bucket and private_bucket):
        raise SystemExit(
            "Settings error: uploads go to S3-compatible storage only with both "
            "S3_MEDIA_BUCKET and S3_PRIVATE_BUCKET set (or no S3_* variable at all)."
        )
    if media_bucket == private_bucket:
        raise SystemExit(
            "Settings error: S3_PRIVATE_BUCKET must differ from S3_MEDIA_BUCKET: "
            "everything in the media bucket can be read by anyone."
        )
    shared = s3_options(values)
    media = {**shared, "bucket_name": media_bucket, "querystring_auth": False}
    if public_url := values.get("S3_MEDIA_URL"):
        address = urlsplit(public_url.rstrip("/"))
        if address.scheme not in {"http", "https"} or not address.netloc:
            raise SystemExit(
                f"Settings error: S3_MEDIA_URL must be an address like "
                f"https://media.example.org, not {public_url!r}."
            )
        media["custom_domain"] = address.netloc + address.path
        media["url_protocol"] = f"{address.scheme}:"
    return {
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": media},
        "private": {
            "BACKEND": "fairsite.private_s3_storage.PrivateS3Storage",
            "OPTIONS": {**shared, "bucket_name": private_bucket},
        },
    }


STORAGE_SETTINGS = storages_from({name: env_str(name) for name in STORAGE_VARIABLES})
