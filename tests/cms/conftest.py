import pytest


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploads (images and their renditions) go to a folder deleted after the test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
