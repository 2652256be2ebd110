"""How every form on the site renders, including allauth's and Wagtail-free pages.

One renderer for all forms means one accessible pattern everywhere: a visible
label, hint and error message tied to the input with aria-describedby, and an
error summary at the top of the page (the `error_summary` template tag).
"""

from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.forms.renderers import TemplatesSetting


class SiteFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


def add_service_errors(form: BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: by field where it names one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)
