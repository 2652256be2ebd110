"""Checking a page at a phone's width and a desktop's: no sideways scrolling, and
axe clean. Journeys run with JavaScript off; the checks need it on, so they load
the same address in a second page of the same width and session."""

from __future__ import annotations

from contextlib import contextmanager

from playwright.sync_api import Browser, Page

from tests.browser.conftest import assert_accessible, horizontal_overflow, open_page, sign_in

PHONE, DESKTOP = 375, 1280
WIDTHS = [PHONE, DESKTOP]


@contextmanager
def pages_at(browser: Browser, live_server, width: int, *, user=None):
    """(journey page without JavaScript, checking page with it), both `width` wide."""
    viewport = {"width": width, "height": 900}
    journey = open_page(browser, live_server, viewport=viewport, java_script_enabled=False)
    checker = open_page(browser, live_server, viewport=viewport)
    for page in (journey, checker):
        if user is not None:
            sign_in(page, user, live_server)
    try:
        yield journey, checker
    finally:
        journey.context.close()
        checker.context.close()


def check(checker: Page, url: str) -> None:
    """The page at `url` fits the width (no sideways scroll) and axe finds nothing serious."""
    checker.goto(url)
    overflow = horizontal_overflow(checker)
    assert overflow <= 0, f"{url} scrolls sideways by {overflow}px"
    assert_accessible(checker)
