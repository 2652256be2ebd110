"""``manage.py search_index``: rebuild, check and inspect the site's search indices.

    search_index --status              aliases, documents, outbox backlog
    search_index --check [NAME ...]    compare with the database; exit 1 on drift
    search_index --repair [NAME ...]   check, then write the database's state of each drifted id
    search_index --rebuild [NAME ...]  build anew and swap the alias (--force: after a crash)
    search_index --drain               retry every queued change now
    search_index --ensure [NAME ...]   build any index that has no live alias (start-up)

Exit codes: 0 all well, 1 drift (or a failed rebuild), 2 Elasticsearch unreachable.

The check compares each document's version and content (its ``content_hash``)
with what the database gives now, so it also finds a change written with
``QuerySet.update()``, which queues nothing in the outbox.
"""

from django.core.management.base import BaseCommand, CommandError
from elasticsearch import ApiError, TransportError

from fairsite.outbox.drain import drain_due, retry_now
from fairsite.outbox.services import backlog
from fairsite.search import indices
from fairsite.search.aliases import describe_error
from fairsite.search.indices import (
    IndexMissing,
    RebuildFailed,
    RebuildInProgress,
    SearchIndex,
    get_index,
    registered_indices,
)

UNREACHABLE = 2


class Command(BaseCommand):
    help = "Rebuild, check and inspect the site's Elasticsearch indices."

    def add_arguments(self, parser) -> None:
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument(
            "--status", action="store_true", help="Show each index and the outbox backlog."
        )
        action.add_argument(
            "--check",
            nargs="*",
            metavar="NAME",
            help="Compare the index with the database (all indices when no name is given).",
        )
        action.add_argument(
            "--repair",
            nargs="*",
            metavar="NAME",
            help="Check, then write the database's state of every drifted document.",
        )
        action.add_argument(
            "--rebuild",
            nargs="*",
            metavar="NAME",
            help="Build the index anew and swap its alias (all indices when no name is given).",
        )
        action.add_argument("--drain", action="store_true", help="Retry every queued change now.")
        action.add_argument(
            "--ensure",
            nargs="*",
            metavar="NAME",
            help="Build any index that has no live alias, from the database; leave the others.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="With --rebuild: drop an index left half-built by a rebuild that died.",
        )

    def handle(self, *, status, check, repair, rebuild, drain, ensure, force, **options) -> None:
        try:
            if ensure is not None:
                self.ensure_indices(self.chosen(ensure))
            elif check is not None:
                self.report_drift(self.chosen(check))
            elif repair is not None:
                self.repair_drift(self.chosen(repair))
            elif rebuild is not None:
                self.rebuild_indices(self.chosen(rebuild), force=force)
            elif drain:
                self.drain_outbox()
            else:
                self.show_status()
        except TransportError as error:
            raise CommandError(
                f"Elasticsearch is unreachable ({describe_error(error)}).", returncode=UNREACHABLE
            ) from None

    def chosen(self, names: list[str]) -> list[SearchIndex]:
        try:
            return [get_index(name) for name in names] if names else registered_indices()
        except LookupError as error:
            raise CommandError(str(error)) from None

    def report_drift(self, chosen: list[SearchIndex]) -> None:
        drifting = []
        for index in chosen:
            try:
                drift = indices.check(index)
            except IndexMissing:
                self.stdout.write(f"{index.name}: no index (search_index --rebuild {index.name})")
                drifting.append(index.name)
                continue
            self.stdout.write(
                f"{index.name}: {len(drift.missing)} missing, {len(drift.extra)} extra, "
                f"{len(drift.stale)} stale"
            )
            if not drift.is_clean:
                drifting.append(index.name)
        if drifting:
            raise CommandError(f"The index does not match the database: {', '.join(drifting)}.")

    def repair_drift(self, chosen: list[SearchIndex]) -> None:
        """Write every drifted document again, then check again (exit 1 if drift is left)."""
        for index in chosen:
            try:
                drift = indices.reconcile(index)
            except IndexMissing:
                continue  # the check below says so
            self.stdout.write(f"{index.name}: wrote {len(drift.ids)} drifted documents again")
        self.report_drift(chosen)

    def rebuild_indices(self, chosen: list[SearchIndex], *, force: bool) -> None:
        for index in chosen:
            try:
                report = indices.rebuild(index, force=force)
            except (RebuildInProgress, RebuildFailed) as error:
                raise CommandError(f"{index.name}: {error}") from None
            except ApiError as error:
                raise CommandError(f"{index.name}: {describe_error(error)}") from None
            self.stdout.write(
                f"{index.name}: {report.documents} documents into {report.index} "
                f"in {report.seconds} s; {report.repaired} repaired after the swap"
                + (f"; dropped {report.replaced}" if report.replaced else "")
            )

    def ensure_indices(self, chosen: list[SearchIndex]) -> None:
        for index in chosen:
            try:
                report = indices.ensure(index)
            except (RebuildInProgress, RebuildFailed) as error:
                raise CommandError(f"{index.name}: {error}") from None
            except ApiError as error:
                raise CommandError(f"{index.name}: {describe_error(error)}") from None
            if report is None:
                self.stdout.write(f"{index.name}: live")
            else:
                self.stdout.write(f"{index.name}: built, {report.documents} documents")

    def drain_outbox(self) -> None:
        retried = retry_now()
        report = drain_due(max_seconds=300)
        self.stdout.write(
            f"sent {report.done}, failed {report.failed} ({retried} had been waiting to retry)"
            + (f": {', '.join(report.errors)}" if report.errors else "")
        )
        if report.failed:
            raise CommandError("Some changes could not be sent; they stay queued.")

    def show_status(self) -> None:
        unreachable = None
        for index in registered_indices():
            self.stdout.write(index.name)
            queued = backlog(index.name)
            try:
                found = indices.status(index)
            except TransportError as error:
                unreachable = error
                self.stdout.write(f"  elasticsearch  unreachable ({describe_error(error)})")
            else:
                self.stdout.write(f"  alias          {found.alias} -> {found.live or 'nothing'}")
                if found.building:
                    self.stdout.write(f"  being built    {found.building}")
                if found.unaliased:
                    self.stdout.write(f"  left over      {', '.join(found.unaliased)}")
                if found.live:
                    mapping = "current" if found.definition_current else "changed: rebuild"
                    self.stdout.write(f"  documents      {found.documents}")
                    self.stdout.write(f"  mapping        {mapping}")
            oldest = f", oldest {queued.oldest:%Y-%m-%d %H:%M:%S %Z}" if queued.oldest else ""
            self.stdout.write(
                f"  outbox         {queued.entries} queued, {queued.failing} failing{oldest}"
            )
        if unreachable is not None:
            raise CommandError("Elasticsearch is unreachable.", returncode=UNREACHABLE)
