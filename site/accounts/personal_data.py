"""The register of every model that holds data about a person.

Each app says, in its AppConfig.ready(), what each of its user-linked models is:

    register_personal(CandidateProfile, owner="user", files=["cv"])
    register_not_personal(JobPosting, reason="...")

Export (accounts.services.account_export) writes out every personal model's
rows; deletion (account_delete) removes them and their files. A test walks every
installed model and fails for one that links to a user, directly or through
personal data (say, through the profile), and is in neither list, so a new
model can't be forgotten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps as installed_apps
from django.apps.registry import Apps
from django.conf import settings
from django.db import models
from django.dispatch import Signal

# Sent inside the deletion transaction, before the person's rows go, with
# `user`: receivers remove what lives outside the database (search documents,
# through the outbox). A receiver that raises stops the deletion.
account_deleting = Signal()


@dataclass(frozen=True)
class Personal:
    """A model whose rows are about a person: exported, and deleted with the account.

    `owner` is the lookup from the model to the user ("user", "profile__user").
    `exclude` names fields never exported (secrets such as password hashes).
    `files` names file fields whose files go into the export and are deleted.
    `export` replaces the plain field-by-field export (say, to decrypt).
    `rows` finds rows linked some other way than a foreign key (an address).
    `delete` replaces deleting `rows` (say, to keep rows shared with others).
    """

    model: type[models.Model]
    owner: str = "user"
    exclude: frozenset[str] = frozenset()
    files: tuple[str, ...] = ()
    export: Callable | None = None
    rows: Callable | None = None
    delete: Callable | None = None

    def queryset(self, user) -> models.QuerySet:
        if self.rows is not None:
            return self.rows(user)
        value = user.pk if self.owner == "pk" else user
        return self.model._default_manager.filter(**{self.owner: value})


@dataclass(frozen=True)
class NotPersonal:
    """A model linked to a user that is not about them, and why (kept on deletion)."""

    model: type[models.Model]
    reason: str


@dataclass(frozen=True)
class Blocker:
    """Something to do before an account can be deleted, in plain words."""

    message: str
    url: str = ""
    link_text: str = ""


_registry: dict[type[models.Model], Personal | NotPersonal] = {}
_deletion_checks: list[Callable] = []


def register_personal(model: type[models.Model], **options) -> None:
    """Export `model`'s rows for their owner and delete them with the account."""
    options["exclude"] = frozenset(options.get("exclude", ()))
    options["files"] = tuple(options.get("files", ()))
    _registry[model] = Personal(model=model, **options)


def register_not_personal(model: type[models.Model], *, reason: str) -> None:
    """Say why `model`, though linked to a user, is neither exported nor deleted."""
    if not reason.strip():
        raise ValueError("Say why the model holds no personal data.")
    _registry[model] = NotPersonal(model=model, reason=reason)


def register_deletion_check(check: Callable) -> None:
    """`check(user) -> list[Blocker]`: what must happen before the account can go."""
    if check not in _deletion_checks:
        _deletion_checks.append(check)


def personal_models() -> list[Personal]:
    """Every registered personal model, in registration order."""
    return [entry for entry in _registry.values() if isinstance(entry, Personal)]


def registered(model: type[models.Model]) -> Personal | NotPersonal | None:
    return _registry.get(model)


def deletion_blockers(user) -> list[Blocker]:
    """Everything stopping this account's deletion now (empty when it can go)."""
    return [blocker for check in _deletion_checks for blocker in check(user)]


@dataclass
class Walk:
    """The models linked to the user model, and how each was reached."""

    linked: dict[type[models.Model], str] = field(default_factory=dict)

    @property
    def unregistered(self) -> list[type[models.Model]]:
        return [model for model in self.linked if model not in _registry]


def user_linked_models(app_registry: Apps = installed_apps) -> Walk:
    """Every model with a foreign key or one-to-one field to the user model, or to a
    model registered as personal (or not yet registered), found by walking
    `app_registry`.

    Many-to-many tables Django makes are left out: the model that declares the
    field exports it. Fields a model inherits are its parent's business.
    """
    user_model = installed_apps.get_model(settings.AUTH_USER_MODEL)
    walk = Walk()
    owners = {user_model} | {entry.model for entry in personal_models()}
    while True:
        found = {}
        for model in app_registry.get_models():
            if model in walk.linked or model._meta.proxy:
                continue
            for relation in model._meta.get_fields(include_hidden=True):
                if (
                    relation.concrete
                    and (relation.many_to_one or relation.one_to_one)
                    and relation.model is model
                    and relation.related_model in owners
                ):
                    found[model] = f"{relation.name} → {relation.related_model._meta.label}"
                    break
        if not found:
            return walk
        walk.linked.update(found)
        owners |= {model for model in found if not isinstance(_registry.get(model), NotPersonal)}
