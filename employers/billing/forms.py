from django import forms
from django.utils.http import url_has_allowed_host_and_scheme

from employers.models import Employer
from jobs.models import JobPosting, Status

from .entitlements import MAX_GRANT
from .models import Product, ProductKind


class ProductChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, product: Product) -> str:
        return f"{product.name}: {product.price_text}. {product.grants_text}."


def safe_return_path(value: str) -> str:
    """A path on this site to come back to after paying, or "" for anything else."""
    value = (value or "").strip()
    if value.startswith("/") and url_has_allowed_host_and_scheme(value, allowed_hosts=None):
        return value[:300]
    return ""


class BuyForm(forms.Form):
    product = ProductChoiceField(
        label="What would you like to buy?",
        queryset=Product.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": "Choose what you would like to buy.",
            "invalid_choice": "Choose one of the options listed.",
        },
    )
    posting = forms.ModelChoiceField(
        label="Which posting to feature",
        queryset=JobPosting.objects.none(),
        required=False,
        empty_label="Choose a live posting",
        help_text="Only for a featured posting. Featuring starts as soon as you have paid.",
        error_messages={"invalid_choice": "Choose one of your live postings."},
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, employer: Employer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = Product.objects.on_sale()
        if self.fields["product"].queryset.filter(kind=ProductKind.FEATURED).exists():
            self.fields["posting"].queryset = JobPosting.objects.for_employer(employer).filter(
                status=Status.PUBLISHED
            )
        else:
            # Nothing to feature on sale: the question would only confuse.
            del self.fields["posting"]

    def clean_next(self) -> str:
        return safe_return_path(self.cleaned_data.get("next", ""))

    def clean(self):
        cleaned = super().clean()
        product = cleaned.get("product")
        is_featured = product is not None and product.kind == ProductKind.FEATURED
        if is_featured and not cleaned.get("posting") and "posting" not in self.errors:
            self.add_error("posting", "Choose the posting to feature.")
        return cleaned


class GrantForm(forms.Form):
    employer = forms.ModelChoiceField(
        queryset=Employer.objects.order_by("name"),
        error_messages={"required": "Choose the employer."},
    )
    credits = forms.IntegerField(
        label="Posting credits to give",
        min_value=1,
        max_value=MAX_GRANT,
        initial=1,
    )
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text="Why they get them, for example “Reentry agency: free posting agreed with "
        "their director”. It is kept with the credits.",
        error_messages={"required": "Say why, so that others can see it later."},
    )
