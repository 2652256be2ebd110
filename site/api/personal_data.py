"""What the API's models hold about a person: only which editor made a key."""

from fairsite.accounts.personal_data import register_not_personal

from .models import PartnerKey, PartnerKeyUsage


def register() -> None:
    register_not_personal(
        PartnerKey,
        reason="a key issued to a partner organisation; `created_by` names the editor "
        "who made it and is cleared when that editor's account is deleted",
    )
    register_not_personal(PartnerKeyUsage, reason="daily request counts of a partner's key")
