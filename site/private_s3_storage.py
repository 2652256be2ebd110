"""The private files' storage on an S3-compatible store (STORAGES["private"] when
the S3_* variables are set). Its own module, so boto3 is only imported by a
site that uses it."""

from storages.backends.s3 import S3Storage

from fairsite.private_storage import NO_URL


class PrivateS3Storage(S3Storage):
    """The private bucket: read and written with the site's keys, never linked to
    (no plain URL, no signed one)."""

    def url(self, name, parameters=None, expire=None, http_method=None) -> str:
        raise ValueError(NO_URL)
