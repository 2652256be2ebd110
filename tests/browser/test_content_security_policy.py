"""Every kind of page works under the site's Content-Security-Policy, enforced by
Chromium (no bypass here): the public site, the Wagtail admin, the partner widget
and the API docs. Any violation shows up three ways, and the test looks at all:
the page's own securitypolicyviolation events, Chromium's console, and the
reports the browser posts to the site's report endpoint (which logs them)."""

from __future__ import annotations

import logging
import re

import pytest
from playwright.sync_api import Page

from cms.demo_pages import load_site_pages
from tests.browser.conftest import sign_in
from tests.factories import EditorFactory, PublishedPostingFactory, VerifiedEmployerFactory

pytestmark = pytest.mark.django_db(transaction=True)

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.effectiveDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def enforced(browser, live_server):
    """A browser page with the site's policy enforced, recording what it refuses."""
    context = browser.new_context(base_url=live_server.url)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(15_000)
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.refused = refused
    yield page
    context.close()


def violations(page: Page) -> list[str]:
    return page.evaluate("window.__cspViolations") + page.refused


def visit(page: Page, path: str) -> None:
    response = page.goto(path)
    assert response.status == 200, f"{path}: {response.status}"
    assert "script-src" in response.headers["content-security-policy"], path
    page.wait_for_load_state("networkidle")
    assert violations(page) == [], f"{path}: {violations(page)}"


@pytest.fixture
def site_content(home_page, seeded_credentials):
    load_site_pages(home_page)
    employer = VerifiedEmployerFactory(name="Harbour Kitchens", slug="harbour-kitchens")
    posting = PublishedPostingFactory(employer=employer, title="Line cook")
    return {"home": home_page, "employer": employer, "posting": posting}


def test_public_pages_run_under_the_policy(enforced, site_content):
    guide = next(child for child in site_content["home"].get_children().live() if child.url != "/")
    for path in (
        "/",
        "/jobs/",
        "/jobs/print/?q=cook",
        site_content["posting"].get_absolute_url(),
        site_content["employer"].get_absolute_url(),
        guide.url,
        "/accounts/login/",
        "/accounts/signup/",
    ):
        visit(enforced, path)
    # The page's own scripts ran: the search box's suggestions script wires the input.
    enforced.goto("/jobs/")
    assert enforced.locator("script[src]").count() >= 1


def test_the_wagtail_admin_runs_under_the_policy(enforced, live_server, site_content):
    sign_in(enforced, EditorFactory(), live_server)
    home = site_content["home"]

    for path in (
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{home.pk}/edit/",
        "/admin/images/",
        "/admin/documents/",
    ):
        visit(enforced, path)
    # Wagtail's own scripts work: the page editor's block chooser opens.
    enforced.goto(f"/admin/pages/{home.pk}/edit/")
    enforced.get_by_role("button", name="Insert a block").first.click()
    assert enforced.get_by_role("option").count() > 0
    assert violations(enforced) == []


def test_the_partner_widget_and_the_api_docs_run_under_their_policies(enforced, site_content):
    employer = site_content["employer"]

    visit(enforced, f"/widget/jobs/?employer={employer.slug}")
    assert enforced.get_by_role("link", name=re.compile("Line cook")).count() == 1

    visit(enforced, "/api/v1/docs")
    # Swagger UI is a script: it drew the operations.
    enforced.locator(".opblock").first.wait_for()


def test_a_violation_is_reported_to_the_site_and_logged(enforced, site_content, caplog):
    caplog.set_level(logging.WARNING, logger="fairsite.csp_reports")
    visit(enforced, "/")

    # Something the policy must stop: script text written into the page.
    enforced.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.__ran = true";
          document.body.append(script);
        }"""
    )

    assert enforced.evaluate("window.__ran === undefined")
    assert any(v.startswith("script-src-elem inline") for v in violations(enforced))
    enforced.wait_for_timeout(100)
    reported = []
    for _ in range(50):
        reported = [r.getMessage() for r in caplog.records if "CSP violation" in r.getMessage()]
        if reported:
            break
        enforced.wait_for_timeout(200)
    assert reported, "the browser's report never reached the site"
    assert '"directive": "script-src-elem"' in reported[0]
    assert '"blocked": "inline"' in reported[0]
    assert '"page": "/"' in reported[0]
