"""Template tags for what every page shows: the menus and the breadcrumbs."""

from django import template
from wagtail.models import Page, Site

from cms.menus import menu

register = template.Library()


@register.simple_tag(takes_context=True)
def site_menu(context, location: str) -> dict:
    """The menu's links and footer text (cms.menus); base.html shows its own
    links when there are none."""
    return menu(location, context.get("request"))


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
