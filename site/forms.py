"""How every form on the site renders, including allauth's and Wagtail-free pages.

One renderer for all forms means one accessible pattern everywhere: a visible
label, hint and error message tied to the input with aria-describedby, and an
error summary at the top of the page (the `error_summary` template tag).
"""

from django.forms.renderers import TemplatesSetting


class SiteFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
