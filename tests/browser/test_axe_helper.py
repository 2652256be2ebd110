"""The accessibility helper really finds problems (so a clean page means something)."""

from tests.browser.conftest import axe_violations


def test_axe_reports_an_unlabelled_field_and_an_image_without_text(browser):
    page = browser.new_page()
    page.set_content(
        '<!doctype html><html lang="en"><head><title>Broken</title></head><body><main>'
        '<h1>Broken</h1><input type="text" name="q"><img src="data:," width="10" height="10">'
        "</main></body></html>"
    )

    rules = {violation["id"] for violation in axe_violations(page)}

    assert {"label", "image-alt"} <= rules
    page.close()
