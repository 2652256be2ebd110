"""A person's own data: all of it as one download, and all of it deleted.

Both follow the register in personal_data.py, so what one app adds there is
exported and deleted without a change here.
"""

from __future__ import annotations

import io
import json
import zipfile

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from .models import User
from .personal_data import (
    Personal,
    account_deleting,
    deletion_blockers,
    personal_models,
)

ABOUT = (
    "Everything Fair Chance Jobs holds about you, as it was when you downloaded it. "
    "'data' has one list per kind of record; 'files' lists the files in this download."
)


class AccountDeletionBlocked(ValidationError):
    """The account can't be deleted yet; `blockers` say what to do first."""

    def __init__(self, blockers):
        super().__init__([blocker.message for blocker in blockers])
        self.blockers = blockers


def account_export(*, user: User) -> bytes:
    """A ZIP of data.json (every registered personal record of the person) and their files.

    Holds their fair-chance preferences, decrypted for them alone: the download
    goes only to the signed-in person, and is never stored by us.
    """
    user = User.objects.get(pk=user.pk)
    data: dict[str, list] = {}
    files: dict[str, FieldFile] = {}
    for entry in personal_models():
        rows = entry.export(user) if entry.export else _rows(entry, user, files)
        if rows:
            data[entry.model._meta.label] = rows
    document = {
        "about": ABOUT,
        "exported_at": timezone.now(),
        "data": data,
        "files": sorted(files),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(document, cls=DjangoJSONEncoder, indent=2))
        for path, stored in files.items():
            with stored.open("rb") as handle:
                archive.writestr(path, handle.read())
    return buffer.getvalue()


def _rows(entry: Personal, user: User, files: dict[str, FieldFile]) -> list[dict]:
    rows = []
    for instance in entry.queryset(user):
        row = {}
        for field in instance._meta.concrete_fields:
            if field.name in entry.exclude:
                continue
            row[field.name] = _value(instance, field, entry, files)
        for field in instance._meta.many_to_many:
            if field.name not in entry.exclude:
                row[field.name] = [str(item) for item in getattr(instance, field.name).all()]
        rows.append(row)
    return rows


def _value(instance, field: models.Field, entry: Personal, files: dict[str, FieldFile]):
    if field.is_relation:
        related = getattr(instance, field.name)
        return str(related) if related is not None else None
    if isinstance(field, models.FileField):
        stored = getattr(instance, field.name)
        if not stored:
            return ""
        if field.name not in entry.files:
            return stored.name
        extension = stored.name.rsplit(".", 1)[-1] if "." in stored.name else "bin"
        path = f"files/{instance._meta.model_name}-{instance.pk}-{field.name}.{extension}"
        files[path] = stored
        return path
    return field.value_from_object(instance)


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete the account and every registered personal record and file of the person.

    Refuses (AccountDeletionBlocked) while something must happen first, such as
    an organisation that would be left without an owner. Files are deleted once
    the rows are gone for good; `account_deleting` receivers run first, inside
    the transaction.
    """
    user = User.objects.get(pk=user.pk)
    blockers = deletion_blockers(user)
    if blockers:
        raise AccountDeletionBlocked(blockers)
    doomed_files = []
    for entry in personal_models():
        for instance in entry.queryset(user):
            for name in entry.files:
                stored = getattr(instance, name)
                if stored:
                    doomed_files.append((stored.storage, stored.name))
    account_deleting.send(sender=User, user=user)
    for entry in reversed(personal_models()):
        if entry.delete is not None:
            entry.delete(user)
        elif entry.model is not User:
            entry.queryset(user).delete()
    user.delete()
    transaction.on_commit(lambda: _delete_files(doomed_files))


def _delete_files(doomed: list) -> None:
    for storage, name in doomed:
        storage.delete(name)
