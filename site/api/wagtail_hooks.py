"""Partner API keys in the Wagtail admin: issue (the key is shown once), edit, revoke.

After the issuing page, the admin shows only a key's prefix; the secret is in
no page, message, log entry or database column.
"""

from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from wagtail import hooks
from wagtail.admin.views.generic import CreateView, EditView
from wagtail.admin.viewsets.model import ModelViewSet

from .forms import PartnerKeyEditForm, PartnerKeyForm
from .keys import partner_key_issue, partner_key_revoke
from .models import PartnerKey


class PartnerKeyCreateView(CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        issued = partner_key_issue(
            name=data["name"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            scopes=data["scopes"],
            requests_per_minute=data["requests_per_minute"],
            by=self.request.user,
        )
        self.secret = issued.secret
        return issued.key

    def save_action(self):
        # The one and only time the secret is shown: in this response, which no
        # cache may keep, not in a redirect's flash message (stored in the session).
        response = TemplateResponse(
            self.request,
            "api/admin/key_issued.html",
            {"key": self.object, "secret": self.secret, "index_url": self.get_success_url()},
        )
        add_never_cache_headers(response)
        return response


class PartnerKeyEditView(EditView):
    def save_instance(self):
        key = super().save_instance()
        if self.form.cleaned_data.get("revoke"):
            partner_key_revoke(key=key)
        return key


class PartnerKeyViewSet(ModelViewSet):
    model = PartnerKey
    icon = "key"
    menu_label = "API keys"
    menu_order = 900
    add_to_admin_menu = True
    list_display = [
        "name",
        "shown_prefix",
        "contact_email",
        "status",
        "requests_today",
        "requests_30_days",
        "created_at",
    ]
    search_fields = ["name", "contact_email", "prefix"]
    add_view_class = PartnerKeyCreateView
    edit_view_class = PartnerKeyEditView
    inspect_view_enabled = False
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return PartnerKeyEditForm if for_update else PartnerKeyForm


@hooks.register("register_admin_viewset")
def register_partner_keys():
    return PartnerKeyViewSet("partner_keys")
