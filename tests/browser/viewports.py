"""Checking a page at a phone's width and a desktop's: no sideways scrolling, and
axe clean. Journeys run with JavaScript off; the checks need it on, so they load
the same address in a second page of the same width and session."""

from __future__ import annotations

from contextlib import contextmanager

from playwright.sync_api import Browser, Page

from tests.browser.conftest import assert_accessible, sign_in

PHONE, DESKTOP = 375, 1280
WIDTHS = [PHONE, DESKTOP]


@contextmanager
def pages_at(browser: Browser, live_server, width: int, *, user=None):
    """(journey page without JavaScript, checking page with it), both `width` wide."""
    viewport = {"width": width, "height": 900}
    no_js = browser.new_context(
        base_url=live_server.url, viewport=viewport, java_script_enabled=False
    )
    with_js = browser.new_context(base_url=live_server.url, viewport=viewport)
    journey, checker = no_js.new_page(), with_js.new_page()
    for page in (journey, checker):
        page.set_default_timeout(15_000)
        if user is not None:
            sign_in(page, user, live_server)
    try:
        yield journey, checker
    finally:
        no_js.close()
        with_js.close()


def check(checker: Page, url: str) -> None:
    """The page at `url` fits the width (no sideways scroll) and axe finds nothing serious."""
    checker.goto(url)
    overflow = checker.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{url} scrolls sideways by {overflow}px"
    assert_accessible(checker)
