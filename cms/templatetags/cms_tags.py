"""Template tags for what every page shows: the breadcrumbs."""

from django import template
from wagtail.models import Page, Site

register = template.Library()


@register.inclusion_tag("cms/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page: Page) -> dict:
    """The live pages above this one, from the site's home page down."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    ancestors = page.get_ancestors().live()
    if site is not None:
        ancestors = ancestors.descendant_of(site.root_page, inclusive=True)
    else:
        ancestors = ancestors.filter(depth__gt=1)
    return {"ancestors": list(ancestors), "page": page, "request": request}
