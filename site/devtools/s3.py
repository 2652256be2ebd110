"""A real S3-compatible server for the tests: moto in its standalone server mode.

It is a Python package pinned in requirements.lock, so `make test` has it with
nothing more to build or download; it answers the S3 HTTP API on a loopback
port, keeps everything in memory, and enforces what the tests need from a real
store: an anonymous GET of an object is refused unless the bucket's policy makes
it public. (It does not check request signatures or their expiry, which the site
never relies on: private files are streamed by the site, never linked to.)
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field

from fairsite.devtools.paths import free_port

REGION = "us-east-1"
# NOT SECRET: the server accepts any key; these only have to be well formed.
ACCESS_KEY_ID = "test-only-access-key"
SECRET_ACCESS_KEY = "test-only-secret-key"  # noqa: S105


class S3Unavailable(RuntimeError):
    """The S3-compatible server could not be started; the message says why."""


def public_read_policy(bucket: str) -> str:
    """The bucket policy an operator gives the media bucket: anyone may read objects."""
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "PublicReadForMedia",
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": f"arn:aws:s3:::{bucket}/*",
                }
            ],
        }
    )


@dataclass
class S3Server:
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, *, timeout: int = 30) -> S3Server:
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(f"{self.url}/moto-api/", timeout=2):  # noqa: S310
                    return self
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        self.stop()
        raise S3Unavailable(f"the S3-compatible server did not answer on {self.url}")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.url,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY_ID,
            aws_secret_access_key=SECRET_ACCESS_KEY,
        )

    def new_buckets(self) -> dict[str, str]:
        """A fresh public media bucket and private bucket, as the S3_* variables that use them."""
        suffix = uuid.uuid4().hex[:12]
        media, private = f"media-{suffix}", f"private-{suffix}"
        client = self.client()
        client.create_bucket(Bucket=media)
        client.put_bucket_policy(Bucket=media, Policy=public_read_policy(media))
        client.create_bucket(Bucket=private)
        return {
            "S3_ENDPOINT_URL": self.url,
            "S3_REGION": REGION,
            "S3_ACCESS_KEY_ID": ACCESS_KEY_ID,
            "S3_SECRET_ACCESS_KEY": SECRET_ACCESS_KEY,
            "S3_MEDIA_BUCKET": media,
            "S3_PRIVATE_BUCKET": private,
        }
