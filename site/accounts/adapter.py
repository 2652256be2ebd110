from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.sites.models import Site
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from fairsite.client_address import client_address
from fairsite.mail.delivery import queue_message


class AccountAdapter(DefaultAccountAdapter):
    """allauth's seam: its emails go through the site's queue, like every other email.

    They carry links and codes that act for the person (reset a password, sign
    in, confirm an address) or tell of changes to the account, so their text is
    deleted the moment they are sent.
    """

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "incorrect_password": "That is not the password for this account. Check it and try "
        "again, or use 'Forgot your password?'.",
    }

    def get_login_redirect_url(self, request) -> str:
        """Where a person lands after signing in (a `next` address comes first).

        Someone who came only to hire starts at their organisations; everyone
        else at their account page, which shows each thing they came for.
        """
        user = request.user
        if user.is_hiring and not user.is_looking_for_work:
            return reverse("employers:hire")
        return super().get_login_redirect_url(request)

    def get_signup_redirect_url(self, request) -> str:
        if request.user.is_authenticated:
            return self.get_login_redirect_url(request)
        return super().get_signup_redirect_url(request)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # allauth's own send_mail adds the site (its emails open "Hello from
        # <site name>!"); this one must too. Its record follows SITE_URL.
        context = {"current_site": Site.objects.get_current(), **context}
        message = self.render_mail(template_prefix, email, context)
        html = next(
            (content for content, mimetype in message.alternatives if mimetype == "text/html"), ""
        )
        if message.content_subtype == "html":
            html = message.body
        queue_message(
            kind=template_prefix,
            forget_body_when_sent=True,
            to=message.to,
            subject=message.subject,
            body_text=message.body if message.content_subtype != "html" else "",
            body_html=html,
        )

    def get_client_ip(self, request) -> str:
        """The address allauth's per-address rate limits count by: the site's one rule,
        which never takes a forwarded address a client wrote itself."""
        address = client_address(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address
