"""The links of the site's menus (the Menus snippets), read once and kept in the
shared cache until something they show changes.

Every page shows both menus; reading them afresh costs six queries and a URL for
each linked page. They are kept in the ``default`` cache (shared by every web
process), per host name, since a page's URL is written relative to the site the
request came to. The entry is deleted, in every process at once, by whatever can
change a menu: a menu or one of its links saved or deleted, a page published,
unpublished, moved or deleted (a link to a page that is not live is left out), or
a site's host name or root page changed.
"""

from __future__ import annotations

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from fairsite.accounts.navigation import Link

from .models import Menu, MenuLink

CACHE_KEY = "site-menus"
CACHE_SECONDS = 24 * 60 * 60
EMPTY = {"links": [], "text": ""}
_REQUEST_ATTRIBUTE = "_site_menus"


def menu(location: str, request=None) -> dict:
    """The menu's links (pages that are not live are left out) and its footer text;
    no links when it is empty or there is none."""
    if request is None:
        return _kept_menus(None).get(location, EMPTY)
    # Read once a request: every page shows two menus.
    if not hasattr(request, _REQUEST_ATTRIBUTE):
        setattr(request, _REQUEST_ATTRIBUTE, _kept_menus(request))
    return getattr(request, _REQUEST_ATTRIBUTE).get(location, EMPTY)


def _kept_menus(request) -> dict[str, dict]:
    host = request.get_host() if request is not None else ""
    menus = cache.get(CACHE_KEY) or {}
    if host not in menus:
        menus = {**menus, host: _read_menus(request)}
        cache.set(CACHE_KEY, menus, CACHE_SECONDS)
    return menus[host]


def _read_menus(request) -> dict[str, dict]:
    menus = {}
    for found in Menu.objects.prefetch_related("links__page"):
        links = []
        for link in found.links.all():
            if link.page_id is None:
                links.append(Link(link.text, link.url))
            elif link.page.live:
                links.append(Link(link.text, link.page.get_url(request)))
        menus[found.location] = {"links": links, "text": found.footer_text}
    return menus


def forget_menus(**_kwargs) -> None:
    """Delete the kept menus; the next page reads them afresh."""
    cache.delete(CACHE_KEY)


def _page_deleted(sender, instance, **_kwargs) -> None:
    if isinstance(instance, Page):
        forget_menus()


def connect_signals() -> None:
    for model in (Menu, MenuLink, Site):
        post_save.connect(forget_menus, sender=model, dispatch_uid=f"forget-menus-save-{model}")
        post_delete.connect(forget_menus, sender=model, dispatch_uid=f"forget-menus-del-{model}")
    # Pages of every type: deletion is sent with the specific class as sender.
    post_delete.connect(_page_deleted, dispatch_uid="forget-menus-page-deleted")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(forget_menus, dispatch_uid=f"forget-menus-{id(signal)}")
