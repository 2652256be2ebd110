"""Forms for partner keys (Wagtail admin) and people's own tokens (account page)."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from .models import PartnerKey, Scope

KEY_FIELDS = ["name", "contact_name", "contact_email", "scopes", "requests_per_minute"]


class PartnerKeyForm(WagtailAdminModelForm):
    scopes = forms.MultipleChoiceField(
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one thing the key may read."},
    )
    requests_per_minute = forms.IntegerField(
        min_value=1,
        max_value=100_000,
        initial=600,
        help_text="Requests beyond this in one minute get HTTP 429 with Retry-After.",
    )

    class Meta:
        model = PartnerKey
        fields = KEY_FIELDS


class PartnerKeyEditForm(PartnerKeyForm):
    revoke = forms.BooleanField(
        label="Revoke this key",
        required=False,
        help_text="The key stops working at once (HTTP 401). This cannot be undone.",
    )

    class Meta(PartnerKeyForm.Meta):
        fields = [*KEY_FIELDS, "revoke"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.is_revoked:
            del self.fields["revoke"]


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=100,
        help_text="So you can tell your tokens apart, for example “my phone app”.",
        error_messages={"required": "Give the token a name."},
    )
