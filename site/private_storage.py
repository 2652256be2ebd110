"""Files only their owner (and people they choose) may see, such as CVs.

They live in the storage named "private" in STORAGES: under PRIVATE_MEDIA_ROOT
on the local disk (never under MEDIA_ROOT), or in their own S3-compatible
bucket that allows no public access (settings/storage.py,
private_s3_storage.py). Either way they have no URL: a view that checks who is
asking reads them and streams them as a download. Streaming, not a signed link
to the store, keeps that check on every download, keeps the download's safety
headers (attachment, nosniff, no-store, a sandboxing CSP), and leaves nothing
that works for whoever else gets the link.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty

PRIVATE = "private"
NO_URL = "Private files have no URL; a view that checks permission serves them."


class PrivateFileStorage(FileSystemStorage):
    """FileSystemStorage rooted at PRIVATE_MEDIA_ROOT, read each time (tests move it)."""

    def __init__(self) -> None:
        super().__init__(
            base_url=None, file_permissions_mode=0o600, directory_permissions_mode=0o700
        )

    @property
    def base_location(self) -> str:  # type: ignore[override]
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self) -> str:  # type: ignore[override]
        return os.path.abspath(self.base_location)

    def url(self, name: str | None) -> str:
        raise ValueError(NO_URL)


class _PrivateStorage(LazyObject):
    """Whatever STORAGES["private"] is now (as default_storage is for "default")."""

    def _setup(self) -> None:
        self._wrapped = storages[PRIVATE]


_storage = _PrivateStorage()


@receiver(setting_changed)
def _storages_changed(*, setting, **kwargs) -> None:
    if setting == "STORAGES":
        _storage._wrapped = empty


def private_storage():
    """The storage for private files (a callable, so migrations name it, not its path)."""
    return _storage
