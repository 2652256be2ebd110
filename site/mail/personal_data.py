"""Email the site sent or will send to a person: theirs by address, not by a key."""

from functools import reduce
from operator import or_

from allauth.account.models import EmailAddress
from django.db.models import Q, QuerySet

from fairsite.accounts.personal_data import register_personal

from .models import OutgoingEmail


def _addresses(user) -> set[str]:
    addresses = set(EmailAddress.objects.filter(user=user).values_list("email", flat=True))
    return {address.lower() for address in addresses | {user.email}}


def _matching(user, *, only_theirs: bool) -> QuerySet[OutgoingEmail]:
    addresses = _addresses(user)
    # A first cut in the database (the list of addresses is JSON), then exactly.
    rough = OutgoingEmail.objects.filter(reduce(or_, (Q(to__icontains=a) for a in addresses)))
    keep = []
    for pk, to in rough.values_list("pk", "to"):
        recipients = {address.lower() for address in to}
        if (recipients <= addresses) if only_theirs else (recipients & addresses):
            keep.append(pk)
    return OutgoingEmail.objects.filter(pk__in=keep)


def emails_to(user) -> QuerySet[OutgoingEmail]:
    """Every queued or sent message with the person among its recipients."""
    return _matching(user, only_theirs=False)


def delete_emails_to(user) -> None:
    # A message to a whole team stays for the others on it; one to this
    # person alone goes.
    _matching(user, only_theirs=True).delete()


def register() -> None:
    register_personal(OutgoingEmail, rows=emails_to, delete=delete_emails_to)
