"""Template tags for what every page shows: the menus and the breadcrumbs."""

from django import template
from wagtail.models import Page, Site

from cms.models import Menu
from fairsite.accounts.navigation import Link

register = template.Library()


@register.simple_tag(takes_context=True)
def site_menu(context, location: str) -> dict:
    """The menu's links (pages that are not live are left out) and its footer text.

    An empty menu, or none at all, gives no links; base.html then shows its own.
    """
    request = context.get("request")
    menu = Menu.objects.filter(location=location).prefetch_related("links__page").first()
    if menu is None:
        return {"links": [], "text": ""}
    links = []
    for link in menu.links.all():
        if link.page_id is None:
            links.append(Link(link.text, link.url))
        elif link.page.live:
            links.append(Link(link.text, link.page.get_url(request)))
    return {"links": links, "text": menu.footer_text}


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
