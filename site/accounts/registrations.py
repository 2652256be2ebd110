"""What the account itself and the libraries' models hold about a person.

Registered from AccountsConfig.ready(); each app registers its own models the
same way (see personal_data.py).
"""

from django.apps import apps

from .models import User
from .personal_data import register_not_personal, register_personal

CLEARED = "the link to the person is cleared (set to empty) when their account is deleted"


def register() -> None:
    # Never exported: the password hash (a secret, and useless to its owner).
    register_personal(User, owner="pk", exclude=["password"])
    model = apps.get_model
    register_personal(model("account", "EmailAddress"))
    # The confirmation key is a secret that signs a link.
    register_personal(
        model("account", "EmailConfirmation"), owner="email_address__user", exclude=["key"]
    )
    # `data` holds the authenticator app's secret and the recovery codes' seed.
    register_personal(model("mfa", "Authenticator"), exclude=["data"])
    register_personal(model("wagtailusers", "UserProfile"), files=["avatar"])
    register_personal(model("wagtailadmin", "EditingSession"))
    register_personal(model("wagtailadmin", "FormState"))
    register_personal(model("wagtailcore", "APIToken"), exclude=["key_hash"])
    register_personal(model("wagtailcore", "Comment"))
    register_personal(model("wagtailcore", "CommentReply"))
    register_personal(model("wagtailcore", "PageSubscription"))

    audit = (
        "the admin's record of what editors did to the site's pages and snippets, kept "
        "so editors answer for their changes; it keeps only the user's id"
    )
    register_not_personal(model("wagtailcore", "PageLogEntry"), reason=audit)
    register_not_personal(model("wagtailcore", "ModelLogEntry"), reason=audit)
    site_content = "site content that belongs to the site, not the editor; " + CLEARED
    for label in (
        "wagtailcore.Page",
        "wagtailcore.Revision",
        "wagtailcore.WorkflowState",
        "wagtailcore.TaskState",
        "wagtailcore.UploadedFile",
        "wagtaildocs.Document",
        "wagtailimages.Image",
    ):
        register_not_personal(apps.get_model(label), reason=site_content)
