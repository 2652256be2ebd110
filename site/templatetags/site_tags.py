"""Template tags for the error summary every form page shows, and structured data.

A page with one form passes it as `form`; a page with several also passes
`error_forms`, a list of its other forms and formsets.
"""

import json
from collections.abc import Iterable, Iterator

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.forms import BaseForm, BaseFormSet, MultiWidget
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from fairsite.accounts.navigation import groups_for

register = template.Library()


def _flatten(items: Iterable) -> Iterator[BaseForm | BaseFormSet]:
    for item in items:
        if isinstance(item, BaseForm | BaseFormSet):
            yield item
        elif isinstance(item, list | tuple):
            yield from _flatten(item)


def _form_errors(form: BaseForm) -> Iterator[dict]:
    anchor = f"#{form.prefix}-errors" if form.prefix else "#form-errors"
    for error in form.non_field_errors():
        yield {"href": anchor, "text": error}
    for field in form:
        for error in field.errors:
            yield {"href": f"#{_field_anchor(field)}", "text": error}


def _field_anchor(field) -> str:
    # A field of several inputs (a month and a year) links to its first one.
    if isinstance(field.field.widget, MultiWidget):
        return f"{field.auto_id}_0"
    # A group of radios or checkboxes has no single input: link to the first.
    if field.field.widget.use_fieldset and field.subwidgets:
        return field.subwidgets[0].id_for_label
    return field.id_for_label or field.auto_id


def page_errors(*items) -> list[dict]:
    """Every error of the page's forms, each with a link to its field."""
    errors: list[dict] = []
    for item in _flatten(items):
        if isinstance(item, BaseFormSet):
            errors.extend({"href": "#main-content", "text": e} for e in item.non_form_errors())
            for form in item.forms:
                errors.extend(_form_errors(form))
        elif item.is_bound:
            errors.extend(_form_errors(item))
    return errors


@register.inclusion_tag("includes/error_summary.html")
def error_summary(*items):
    return {"errors": page_errors(*items)}


@register.simple_tag
def has_errors(*items) -> bool:
    """True when any of the page's forms has an error (the title then starts "Error:")."""
    return bool(page_errors(*items))


# The characters that could end a <script> element or open a comment inside it,
# escaped as JSON allows, as django.utils.html.json_script does.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data) -> str:
    """A <script type="application/ld+json"> element for structured data ("" for None)."""
    if not data:
        return ""
    encoded = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(encoded.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308 (escaped above)
    )


@register.simple_tag(takes_context=True)
def role_links(context) -> list[dict]:
    """The header's groups of links for the signed-in person (none for visitors)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None:
        return []
    return groups_for(user)
