"""Files only their owner (and people they choose) may see, such as CVs.

They live under PRIVATE_MEDIA_ROOT, never under MEDIA_ROOT, and have no URL: a
view that checks who is asking reads them and sends them as a download.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


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
        raise ValueError("Private files have no URL; a view that checks permission serves them.")


_storage = PrivateFileStorage()


def private_storage() -> PrivateFileStorage:
    """The storage for private files (a callable, so migrations name it, not its path)."""
    return _storage
