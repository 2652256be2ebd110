"""What alerts hold about a person (see fairsite.accounts.personal_data): their saved
searches and which postings each has matched. Deleting them also takes the alerts
out of the alerts index, through the outbox (search.py's signals)."""

from fairsite.accounts.personal_data import register_personal

from .models import Alert, AlertMatch


def register() -> None:
    # Its criteria row is an internal grouping, the same for everyone with that search.
    register_personal(Alert, owner="owner", exclude=("criteria",))
    register_personal(AlertMatch, owner="alert__owner")
